import DockerfileReader

/// `copy-source-missing`: a literal COPY/ADD/bind-mount source of the target build that is not in the context.
package struct CopySourceMissingCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .copySourceMissing, title: "COPY source not in the context",
        summary: "A COPY, ADD or bind-mount source of the target build does not exist in the build context.",
        defaultSeverity: .error,
        help: """
            docker build fails with "not found" when a source path is not in the context. Sources are relative to \
            the context directory, not to the Dockerfile, and `..` cannot leave it. Looked up without following a \
            symbolic link (a source through a link gives no finding). A wildcard that matches nothing is not \
            reported: BuildKit copies nothing for it and the build goes on (`AllowEmptyWildcard`). Sources with an \
            unset variable, `--from` sources, URLs and git repositories are not checked.
            """,
        family: .dockerfile, subjects: [.dockerfileLine],
        examples: [
            CheckExample(
                "`COPY requirements.txt` with no such file", triggers: true,
                files: ["Dockerfile": "FROM python:3.12-slim\nCOPY requirements.txt ./\n", "app.py": ""]),
            CheckExample(
                "a bind-mount source that is not there", triggers: true,
                files: ["Dockerfile": "FROM golang:1.22\nRUN --mount=type=bind,source=go.sum,target=go.sum true\n"]),
            CheckExample(
                "a wildcard that matches nothing", triggers: false,
                files: ["Dockerfile": "FROM alpine:3.20\nCOPY *.pem /certs/\n", "app.py": ""]),
            CheckExample(
                "`ADD https://...`", triggers: false,
                files: ["Dockerfile": "FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n"]),
            CheckExample(
                "a source that exists", triggers: false,
                files: ["Dockerfile": "FROM python:3.12-slim\nCOPY app.py ./\n", "app.py": ""]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile, let problems = subject.sourceProblems else { return [] }
        return problems.compactMap { problem in
            guard problem.kind == .missing else { return nil }
            let source = problem.source
            return finding(
                .dockerfileLine(dockerfile.displayPath, line: source.line),
                message: """
                    \(CopySourceWording.instruction(source)) reads `\(source.written)`, which is not in the build \
                    context: docker build fails with "not found". Sources are relative to the context directory, \
                    not to the Dockerfile.
                    """)
        }
    }
}
