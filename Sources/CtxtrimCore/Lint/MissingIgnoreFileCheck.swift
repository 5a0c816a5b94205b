import ContextWalker

/// `ignore-file-missing`: no ignore file at all while the walk checks found something worth excluding.
package struct MissingIgnoreFileCheck: LintCheck {
    /// Where the missing file belongs.
    static let path = ".dockerignore"

    package init() {}

    package static let descriptor = LintDescriptor(
        id: "ignore-file-missing", title: "No .dockerignore",
        summary: "The context has no ignore file although it sends something worth excluding.",
        defaultSeverity: .warning,
        help: """
            Without `.dockerignore` (or `<Dockerfile>.dockerignore`) every build sends the whole context: \
            dependencies, build output, version-control data and secrets included. Reported only when the walk \
            checks found something to exclude; the message sums what they flagged. Create `.dockerignore` at \
            the context root with the patterns the other findings suggest.
            """,
        examples: [
            LintExample(
                "no ignore file and a `node_modules/`", triggers: true,
                files: ["Dockerfile": "FROM node:22\n", "node_modules/left-pad/index.js": "module.exports = 1\n"]),
            LintExample(
                "no ignore file and only sources", triggers: false,
                files: ["Dockerfile": "FROM node:22\n", "src/app.js": "console.log(1)\n"]),
            LintExample(
                "a `.dockerignore` present", triggers: false,
                files: [
                    "Dockerfile": "FROM node:22\n", ".dockerignore": "*.log\n",
                    "node_modules/left-pad/index.js": "module.exports = 1\n",
                ]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard subject.ignoreFile == nil else { return [] }
        let walkIDs = Set(CheckRegistry.ids)
        let flagged = Self.outermost(subject.walkFindings.filter { walkIDs.contains($0.check) })
        guard !flagged.isEmpty else { return [] }
        let bytes = flagged.saturatingSum(\.bytes)
        let files = flagged.reduce(0) { $0 + $1.files }
        let checks = Set(flagged.map(\.check)).sorted { CheckRegistry.rank(of: $0) < CheckRegistry.rank(of: $1) }
        var result = finding(
            path: Self.path, line: nil,
            message: """
                There is no .dockerignore, so every build sends the whole context, including \(flagged.count) \
                flagged entr\(flagged.count == 1 ? "y" : "ies") (\(ByteCount.format(bytes)); \
                \(checks.joined(separator: ", "))). Create `.dockerignore` at the context root with the patterns \
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
