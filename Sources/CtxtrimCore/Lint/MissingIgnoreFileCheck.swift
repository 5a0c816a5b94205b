import ContextWalker

/// `ignore-file-missing`: no ignore file at all while the context holds something to keep out, judged by what it
/// lets through: the walk checks' findings (dependencies, build output, secrets, large files, git-ignored files,
/// untracked bulk). A context of sources alone gets no finding, and `ctxtrim check` does not fail for the missing
/// file by itself.
package struct MissingIgnoreFileCheck: LintCheck {
    /// Where the missing file belongs.
    static let path = ".dockerignore"

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreFileMissing, title: "No .dockerignore",
        summary: "The context has no ignore file although it sends something worth excluding.",
        defaultSeverity: .warning,
        help: """
            Without `.dockerignore` (or `<Dockerfile>.dockerignore`) every build sends the whole context. \
            Reported only when the walk checks flagged something to keep out (dependencies, build output, \
            version-control data, secrets, large local files, git-ignored files, untracked bulk); the message \
            names the worst of it (the most severe, then the largest entry) and sums the rest. A context of \
            sources alone gets no finding: a missing ignore file is no problem in itself, and `ctxtrim check` \
            never fails for it alone (the finding is a warning). Create `.dockerignore` at the context root with \
            the patterns the other findings suggest. Formerly also reported as `missing-ignore-file`.
            """,
        family: .ignoreFile, subjects: [.ignoreFile],
        examples: [
            CheckExample(
                "no ignore file and a `node_modules/`", triggers: true,
                files: ["Dockerfile": "FROM node:22\n", "node_modules/left-pad/index.js": "module.exports = 1\n"]),
            CheckExample(
                "no ignore file and a `.env`", triggers: true,
                files: ["Dockerfile": "FROM python:3.13\n", "app.py": "print(1)\n", ".env": "DEBUG=1\n"]),
            CheckExample(
                "no ignore file and only sources", triggers: false,
                files: ["Dockerfile": "FROM node:22\n", "src/app.js": "console.log(1)\n"]),
            CheckExample(
                "no ignore file, a Go service's sources and lock file", triggers: false,
                files: [
                    "Dockerfile": "FROM golang:1.24\nCOPY . .\n", "go.mod": "module example.com/api\n",
                    "go.sum": "", "cmd/api/main.go": "package main\n",
                ]),
            CheckExample(
                "a `.dockerignore` present", triggers: false,
                files: [
                    "Dockerfile": "FROM node:22\n", ".dockerignore": "*.log\n",
                    "node_modules/left-pad/index.js": "module.exports = 1\n",
                ]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard subject.ignoreFile == nil else { return [] }
        let walk = subject.walkFindings.filter { CheckCatalog.descriptor(for: $0.check)?.family == .walk }
        // The bulk summary names no entry of its own: it speaks only when nothing else was flagged.
        let entries = walk.filter { $0.check != .untrackedBulk }
        let flagged = Self.outermost(entries)
        let bulk = walk.first { $0.check == .untrackedBulk }
        let message: String
        let bytes: Int64
        let files: Int
        // The worst may lie inside a flagged directory (a key in `node_modules/`); the sums count each byte once.
        if let worst = entries.min(by: Self.worse) {
            bytes = flagged.saturatingSum(\.bytes)
            files = flagged.reduce(0) { $0 + $1.files }
            var summary = ""
            if flagged.count > 1 || flagged.first?.path != worst.path {
                let checks = Set(flagged.map(\.check)).sorted { CheckCatalog.rank(of: $0) < CheckCatalog.rank(of: $1) }
                summary = """
                     The checks flagged \(flagged.count) entr\(flagged.count == 1 ? "y" : "ies") in all \
                    (\(ByteCount.format(bytes)); \(checks.map(\.rawValue).joined(separator: ", "))).
                    """
            }
            message = """
                There is no .dockerignore, so every build sends the whole context, including \
                `\(worst.subject.displayPath)` (\(Self.describe(worst))).\(summary) Create `.dockerignore` at the \
                context root with the patterns those findings suggest.
                """
        } else if let bulk {
            bytes = bulk.bytes
            files = bulk.files
            message = """
                There is no .dockerignore, so every build sends the whole context, including \
                \(ByteCount.format(bulk.bytes)) of untracked and git-ignored files (untracked-bulk). Create \
                `.dockerignore` at the context root that keeps out what the image does not need.
                """
        } else {
            return []
        }
        var result = finding(.ignoreFile(Self.path), message: message)
        result.bytes = bytes
        result.files = files
        return [result]
    }

    /// Whether `lhs` is worse than `rhs`: more severe, then a secret before anything else, then larger, then by
    /// `FindingOrder`.
    static func worse(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        let (lhsSecret, rhsSecret) = (isSecret(lhs), isSecret(rhs))
        if lhsSecret != rhsSecret { return lhsSecret }
        if lhs.bytes != rhs.bytes { return lhs.bytes > rhs.bytes }
        return FindingOrder.precedes(lhs, rhs)
    }

    static func isSecret(_ finding: Finding) -> Bool {
        finding.check == .secretFile || finding.check == .secretContent
    }

    /// `120 MiB, dependency-dir`; a secret at error level says so instead of its size (a committed one graded down
    /// is not called credentials).
    static func describe(_ finding: Finding) -> String {
        if isSecret(finding) && finding.severity == .error { return "credentials, \(finding.check)" }
        return "\(ByteCount.format(finding.bytes)), \(finding.check)"
    }

    /// Findings not lying below another finding's path, so nested ones are not counted twice.
    static func outermost(_ findings: [Finding]) -> [Finding] {
        let paths = Set(findings.map(\.path))
        var seen: Set<String> = []
        return findings.filter { finding in
            var parent = ContextPath.parent(of: finding.path)
            while !parent.isEmpty {
                if paths.contains(String(parent)) { return false }
                parent = ContextPath.parent(of: String(parent))
            }
            return seen.insert(finding.path).inserted
        }
    }
}
