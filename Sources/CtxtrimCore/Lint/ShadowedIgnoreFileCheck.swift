/// `ignore-file-shadowed`: `.dockerignore` exists but `<Dockerfile>.dockerignore` replaces it.
package struct ShadowedIgnoreFileCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreFileShadowed, title: "Shadowed .dockerignore",
        summary: "The context's `.dockerignore` is not read because `<Dockerfile>.dockerignore` replaces it.",
        defaultSeverity: .warning,
        help: """
            BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile when it exists, and then ignores \
            `CONTEXT/.dockerignore` entirely: the two files are not merged. Copy the rules this build needs into \
            the Dockerfile-specific file; keep `.dockerignore` only for builds with other Dockerfiles.
            """,
        family: .ignoreFile, subjects: [.ignoreFile],
        examples: [
            CheckExample(
                "`.dockerignore` beside `Dockerfile.dockerignore`", triggers: true,
                files: [
                    ".dockerignore": "node_modules\n", "Dockerfile.dockerignore": "*.log\n",
                    "Dockerfile": "FROM alpine:3.20\n",
                ]),
            CheckExample(
                "only `.dockerignore`", triggers: false,
                files: [".dockerignore": "node_modules\n", "Dockerfile": "FROM alpine:3.20\n"]),
            CheckExample(
                "only `Dockerfile.dockerignore`", triggers: false,
                files: ["Dockerfile.dockerignore": "*.log\n", "Dockerfile": "FROM alpine:3.20\n"]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let shadowed = subject.shadowedIgnoreFile else { return [] }
        let active = subject.ignoreFile.map { "`\($0.source)`" } ?? "the Dockerfile's own ignore file"
        return [
            finding(
                .ignoreFile(shadowed),
                message: """
                    `\(shadowed)` is not read: BuildKit uses \(active) instead and does not merge the two. Copy the \
                    rules this build needs into \(active); keep `\(shadowed)` only for other Dockerfiles.
                    """)
        ]
    }
}
