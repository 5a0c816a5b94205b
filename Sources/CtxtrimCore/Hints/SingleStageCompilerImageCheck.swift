/// `single-stage-compiler-image`: the built image is a compiler or SDK image, with no stage to leave the tools behind.
package struct SingleStageCompilerImageCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .singleStageCompilerImage, title: "Single-stage build on a compiler image",
        summary: "The image is built from a compiler or SDK image in one stage, so it ships the toolchain.",
        defaultSeverity: .info,
        help: """
            A build whose target stage starts from `golang`, `rust`, `gcc`, `maven`, `gradle`, a JDK \
            (`openjdk`, `eclipse-temurin`, `amazoncorretto` without `jre`), `mcr.microsoft.com/dotnet/sdk` or \
            `swift` (not `-slim`), and uses no other stage, ships the compiler, caches and sources: hundreds of \
            megabytes and a larger attack surface. `node` counts when a `RUN` runs a build script. Build in one \
            stage, then copy only the artifact into a runtime stage: `ctxtrim fix --dockerfile` proposes that \
            rewrite for Go, Rust, Maven, Gradle and npm builds, checked by ctxtrim, and says why when it cannot. \
            Skipped when the image name uses an unset variable.
            """,
        family: .dockerfile, subjects: [.dockerfileLine],
        examples: [
            .dockerfile(
                "`FROM golang` alone", triggers: true,
                "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"),
            .dockerfile(
                "`node` with `npm run build`", triggers: true,
                "FROM node:22\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"node\", \"dist/server.js\"]\n"),
            .dockerfile(
                "a multi-stage Go build", triggers: false,
                "FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/static\n"
                    + "COPY --from=build /app /app\n"),
            .dockerfile("`eclipse-temurin:21-jre`", triggers: false, "FROM eclipse-temurin:21-jre\nCOPY app.jar /\n"),
            .dockerfile(
                "`node` without a build step", triggers: false, "FROM node:22\nCOPY . .\nCMD [\"node\", \"a.js\"]\n"),
            .dockerfile(
                "an unresolved image variable", triggers: false, "ARG IMAGE\nFROM ${IMAGE}\nRUN make\n"),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile, dockerfile.usage.stages.count == 1,
            let target = dockerfile.usage.stages.first, target.baseImage.unresolvedVariables.isEmpty
        else { return [] }
        let buildsScript = dockerfile.commands(of: target).contains { CompilerImage.isBuildScript($0.command) }
        guard let image = CompilerImage.toolchain(of: target.baseImage, runsBuildScript: buildsScript) else {
            return []
        }
        return [
            finding(
                .dockerfileLine(dockerfile.displayPath, line: dockerfile.fromLine(ofStage: target.index)),
                message: """
                    The image is built in one stage from `\(target.baseImage.reference)`, so it ships \
                    \(image.toolchain) with the build: build in a first stage (`FROM \
                    \(target.baseImage.reference) AS build`) and copy only the artifact into a runtime stage such \
                    as \(image.runtime); `ctxtrim fix --dockerfile` proposes the rewrite.
                    """)
        ]
    }
}
