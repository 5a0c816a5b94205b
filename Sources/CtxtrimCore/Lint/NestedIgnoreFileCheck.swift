/// `ignore-file-in-subdirectory`: a `.dockerignore` below the context root, which Docker never reads for this build.
package struct NestedIgnoreFileCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreFileInSubdirectory, title: ".dockerignore in a subdirectory",
        summary: "A `.dockerignore` in a subdirectory of the context is never read by this build.",
        defaultSeverity: .info,
        help: """
            Docker reads one ignore file per build: `<Dockerfile>.dockerignore` or `.dockerignore` at the context \
            root. A `.dockerignore` deeper in the tree applies only when that directory is itself a build \
            context. To exclude paths of this build, add them to the root file with the directory as prefix \
            (`services/api/node_modules`).
            """,
        family: .ignoreFile, subjects: [.ignoreFile],
        examples: [
            .ignore(
                "`services/api/.dockerignore`", triggers: true, "*.log\n",
                paths: ["services/api/.dockerignore", "services/api/main.go"]),
            .ignore("only the root `.dockerignore`", triggers: false, "*.log\n", paths: ["services/api/main.go"]),
            .ignore(
                "`services/api/Dockerfile.dockerignore`", triggers: false, "*.log\n",
                paths: ["services/api/Dockerfile.dockerignore"]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let nested = subject.nestedNames else { return [] }
        return nested.nestedIgnoreFiles.map { path in
            let directory = String(ContextPath.parent(of: path))
            return finding(
                .ignoreFile(path),
                message: """
                    `\(path)` is not read when building this context: Docker reads only the ignore file at the \
                    context root. Move its rules into the root file prefixed with `\(directory)/`, unless \
                    `\(directory)` is built as a context of its own.
                    """)
        }
    }
}
