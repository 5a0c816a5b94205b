/// `containerignore-not-read`: the context has a `.containerignore` and no ignore file docker build reads, so docker
/// build sends everything it lists.
package struct ContainerIgnoreCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .containerIgnoreNotRead, title: "`.containerignore` is not read by docker build",
        summary: "Podman and Buildah read `.containerignore`; docker build does not, and sends what it lists.",
        defaultSeverity: .warning,
        help: """
            Podman and Buildah read `.containerignore` before `.dockerignore`; Docker and BuildKit read only \
            `.dockerignore` (or `<Dockerfile>.dockerignore`). A context that has only a `.containerignore` is \
            sent whole by docker build, secrets and dependencies included. Copy it to `.dockerignore` (or link it) \
            when the context is also built with Docker. With a `.dockerignore` beside it, each tool reads its own file \
            and nothing is reported.
            """,
        family: .ignoreFile, subjects: [.ignoreFile],
        examples: [
            CheckExample(
                "only `.containerignore`", triggers: true,
                files: [".containerignore": ".env\nnode_modules\n", "Dockerfile": "FROM alpine:3.20\n"]),
            CheckExample(
                "`.containerignore` and `.dockerignore`", triggers: false,
                files: [
                    ".containerignore": ".env\n", ".dockerignore": ".env\n", "Dockerfile": "FROM alpine:3.20\n",
                ]),
            CheckExample(
                "only `.dockerignore`", triggers: false,
                files: [".dockerignore": ".env\n", "Dockerfile": "FROM alpine:3.20\n"]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let container = subject.containerIgnoreFile, subject.ignoreFile == nil else { return [] }
        return [
            finding(
                .ignoreFile(container),
                message: """
                    `\(container)` is read by Podman and Buildah, not by docker build: with no .dockerignore, \
                    docker build sends everything it lists. Copy it to `.dockerignore` (or link it) if this \
                    context is built with Docker.
                    """)
        ]
    }
}
