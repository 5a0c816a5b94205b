/// `log-file`: log files and `logs/` directories that would be sent.
package struct LogFileCheck: EntryCheck, DirectoryCheck {
    static let debugLogPrefixes = [
        "npm-debug.log", "yarn-debug.log", "yarn-error.log", "pnpm-debug.log", "lerna-debug.log",
    ]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .logFile, title: "Log file",
        summary: "Log files would be sent.",
        defaultSeverity: .info,
        help: """
            Logs grow, change on every run (invalidating the build cache) and can hold tokens or personal data. \
            Matched: `*.log`, rotated `*.log.1`, `npm-debug.log*`, `yarn-debug.log*`, `yarn-error.log*`, \
            `pnpm-debug.log*`, `lerna-debug.log*`, and a `logs/` directory with sent files. Files and \
            directories git tracks are not reported: committed logs are usually test fixtures.
            """,
        subjects: [.file, .directory], fixReason: "logs", yieldsToClaimedDirectories: true,
        examples: [
            .entries(
                "`server.log`", triggers: true, .init(path: "server.log", kind: .file, size: 5_000, gitClass: .ignored)),
            .entries(
                "`npm-debug.log.12345`", triggers: true,
                .init(path: "web/npm-debug.log.12345", kind: .file, size: 5_000)),
            .entries("rotated `app.log.1`", triggers: true, .init(path: "app.log.1", kind: .file, size: 5_000)),
            .directory("`logs/` with files", triggers: true, .init(path: "logs", sentFiles: 3, sentBytes: 9_000)),
            .entries(
                "a committed fixture `testdata/sample.log`", triggers: false,
                .init(path: "testdata/sample.log", kind: .file, size: 500, gitClass: .tracked)),
            .entries("`logger.go`", triggers: false, .init(path: "logger.go", kind: .file, size: 500)),
            .entries("`catalog`", triggers: false, .init(path: "catalog", kind: .file, size: 500)),
            .directory("an empty `logs/`", triggers: false, .init(path: "logs", sentFiles: 0, sentBytes: 0)),
        ])

    package func check(_ entry: EntryFacts) -> Finding? {
        guard entry.kind == .file, entry.gitClass != .tracked, Self.isLogFileName(entry.name) else { return nil }
        return finding(
            about: entry,
            message: """
                `\(entry.path)` is a log file: add `\(Self.filePattern)` to .dockerignore.
                """,
            bytes: entry.size, suggestion: Self.filePattern)
    }

    package func check(_ directory: DirectoryFacts) -> Finding? {
        guard directory.name == "logs", directory.sentFiles > 0, !directory.tracksAnything else { return nil }
        return finding(
            about: directory,
            message: "\(directory.sizeDescription) holds logs: add `\(directory.ignorePattern)` to .dockerignore.",
            suggestion: directory.ignorePattern)
    }

    /// The pattern advised for a log file.
    static let filePattern = "**/*.log"

    /// Whether `name` is a log file: `*.log`, `*.log.<digits>`, or a package manager's debug log.
    static func isLogFileName(_ name: Substring) -> Bool {
        if name.hasSuffix(".log"), name.count > 4 { return true }
        if debugLogPrefixes.contains(where: { name.hasPrefix($0) }) { return true }
        let stem = name.reversed().drop(while: { $0.isASCII && $0.isNumber })
        guard stem.count < name.count, stem.first == "." else { return false }
        let withoutRotation = name.dropLast(name.count - stem.count + 1)
        return withoutRotation.hasSuffix(".log") && withoutRotation.count > 4
    }
}
