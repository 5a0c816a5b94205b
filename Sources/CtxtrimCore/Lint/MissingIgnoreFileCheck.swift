import ContextWalker

/// `ignore-file-missing`: no ignore file at all while the walk checks found something worth excluding.
///
/// The same id is the gate condition of `ctxtrim check` for a context without an ignore file
/// (`GateOutcome.violations`); CI formats report one of the two, never both.
package struct MissingIgnoreFileCheck: LintCheck {
    /// Where the missing file belongs.
    static let path = ".dockerignore"

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreFileMissing, title: "No .dockerignore",
        summary: "The context has no ignore file although it sends something worth excluding.",
        defaultSeverity: .warning,
        help: """
            Without `.dockerignore` (or `<Dockerfile>.dockerignore`) every build sends the whole context: \
            dependencies, build output, version-control data and secrets included. Reported only when the walk \
            checks found something to exclude; the message sums what they flagged. `ctxtrim check` also fails \
            on a context without an ignore file whatever the walk found (unless `--fail-on never` or this check \
            is turned off in `.ctxtrim.yml`); CI formats then report that failure under this id, once. Create \
            `.dockerignore` at the context root with the patterns the other findings suggest. Formerly also \
            reported as `missing-ignore-file`.
            """,
        family: .ignoreFile, subjects: [.ignoreFile],
        examples: [
            CheckExample(
                "no ignore file and a `node_modules/`", triggers: true,
                files: ["Dockerfile": "FROM node:22\n", "node_modules/left-pad/index.js": "module.exports = 1\n"]),
            CheckExample(
                "no ignore file and only sources", triggers: false,
                files: ["Dockerfile": "FROM node:22\n", "src/app.js": "console.log(1)\n"]),
            CheckExample(
                "a `.dockerignore` present", triggers: false,
                files: [
                    "Dockerfile": "FROM node:22\n", ".dockerignore": "*.log\n",
                    "node_modules/left-pad/index.js": "module.exports = 1\n",
                ]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard subject.ignoreFile == nil else { return [] }
        let flagged = Self.outermost(
            subject.walkFindings.filter { CheckCatalog.descriptor(for: $0.check)?.family == .walk })
        guard !flagged.isEmpty else { return [] }
        let bytes = flagged.saturatingSum(\.bytes)
        let files = flagged.reduce(0) { $0 + $1.files }
        let checks = Set(flagged.map(\.check)).sorted { CheckCatalog.rank(of: $0) < CheckCatalog.rank(of: $1) }
        var result = finding(
            .ignoreFile(Self.path),
            message: """
                There is no .dockerignore, so every build sends the whole context, including \(flagged.count) \
                flagged entr\(flagged.count == 1 ? "y" : "ies") (\(ByteCount.format(bytes)); \
                \(checks.map(\.rawValue).joined(separator: ", "))). Create `.dockerignore` at the context root with the patterns \
                those findings suggest.
                """)
        result.bytes = bytes
        result.files = files
        return [result]
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
