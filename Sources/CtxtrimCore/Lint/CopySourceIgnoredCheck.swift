import DockerIgnore
import DockerfileReader

/// `copy-source-ignored`: a COPY/ADD/bind-mount source of the target build that the ignore file keeps out of the
/// context, named with the Dockerfile line and the ignore-file line that excludes it.
package struct CopySourceIgnoredCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .copySourceIgnored, title: "COPY source excluded by the ignore file",
        summary: "A COPY, ADD or bind-mount source of the target build is excluded by the ignore file.",
        defaultSeverity: .error,
        help: """
            BuildKit sends only what the ignore file lets through, so `COPY config/app.yml ./` fails with "not \
            found" when a line excludes `config`, and `COPY *.json ./` copies nothing when every match is excluded. \
            Decided with the exact matcher on the walked tree, `!` exceptions included (BuildKit's own \
            CopyIgnoredFile check turns itself off when the ignore file has one): a directory source with a \
            re-included file below it is sent, and a wildcard with at least one match sent is fine. Only sources \
            the target's stages read from the context count: not `--from` another stage or image, not URLs or git \
            repositories of ADD. Narrow or remove the ignore-file line, or re-include the path with `!`. \
            `.ctxtrim.yml` also knows this check by BuildKit's name, `CopyIgnoredFile`; a `# check=skip=` \
            directive does not turn it off, since it reports what fails the build itself, not only a warning.
            """,
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: "CopyIgnoredFile",
        examples: [
            CheckExample(
                "`COPY config/app.yml` with `config` excluded", triggers: true,
                files: [
                    "Dockerfile": "FROM alpine:3.20\nCOPY config/app.yml /etc/app/\n",
                    ".dockerignore": "config\n", "config/app.yml": "port: 80\n",
                ]),
            CheckExample(
                "`COPY *.json` with every match excluded", triggers: true,
                files: [
                    "Dockerfile": "FROM node:22-slim\nCOPY *.json ./\n", ".dockerignore": "*.json\n",
                    "package.json": "{}\n",
                ]),
            CheckExample(
                "a bind-mount source excluded", triggers: true,
                files: [
                    "Dockerfile": "FROM golang:1.22\nRUN --mount=type=bind,source=go.sum,target=go.sum go build\n",
                    ".dockerignore": "*.sum\n", "go.sum": "",
                ]),
            CheckExample(
                "a file re-included with `!` below an excluded directory", triggers: false,
                files: [
                    "Dockerfile": "FROM alpine:3.20\nCOPY config /etc/app\n",
                    ".dockerignore": "config\n!config/app.yml\n", "config/app.yml": "", "config/local.yml": "",
                ]),
            CheckExample(
                "a wildcard with one match sent", triggers: false,
                files: [
                    "Dockerfile": "FROM alpine:3.20\nCOPY *.txt /d/\n", ".dockerignore": "secret.txt\n",
                    "notes.txt": "", "secret.txt": "",
                ]),
            CheckExample(
                "`COPY --from` another stage", triggers: false,
                files: [
                    "Dockerfile":
                        "FROM alpine:3.20 AS build\nRUN mkdir /out\nFROM alpine:3.20\nCOPY --from=build /out /out\n",
                    ".dockerignore": "out\n",
                ]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile, let problems = subject.sourceProblems else { return [] }
        return problems.compactMap { problem in
            guard case .ignored(let excludedPath, let rule) = problem.kind else { return nil }
            let source = problem.source
            let instruction = CopySourceWording.instruction(source)
            let line = rule.map { "`\($0.source):\($0.line)` (`\($0.rawText.trimmingBlanks)`)" } ?? "the ignore file"
            let what: String
            if excludedPath == source.pattern {
                what = "`\(source.written)`, which \(line) excludes"
            } else if source.isWildcard && source.relation(to: excludedPath.split(separator: "/")) != .ancestor {
                what = "only excluded entries such as `\(excludedPath)`, which \(line) excludes"
            } else {
                what = "`\(source.written)` inside `\(excludedPath)`, which \(line) excludes"
            }
            let outcome =
                source.isWildcard
                ? "nothing it names is sent, so docker build copies nothing for it"
                : "docker build fails with \"not found\""
            return finding(
                .dockerfileLine(dockerfile.displayPath, line: source.line),
                message: """
                    \(instruction) reads \(what): \(outcome). Narrow or remove that line, or re-include the path \
                    with `!\(source.pattern)`.
                    """)
        }
    }
}

/// How the copy-source checks name an instruction.
enum CopySourceWording {
    static func instruction(_ source: ContextSource) -> String {
        switch source.origin {
        case .copy: "`COPY`"
        case .add: "`ADD`"
        case .bindMount: "`RUN --mount=type=bind`"
        case .base: "`FROM`"
        }
    }
}
