import DockerfileReader
import UntrustedText

/// `stage-name-casing` (BuildKit `StageNameCasing`): a stage name after `AS` written with capitals.
package struct StageNameCasingCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "StageNameCasing"

    package static let descriptor = CheckDescriptor(
        id: .stageNameCasing, title: "Stage name not lower case",
        summary: "A stage name after `AS` has capital letters.",
        defaultSeverity: .warning,
        help: help(
            """
            Stage names are case-insensitive: BuildKit lower-cases them, so `FROM node AS Build` is the stage \
            `build`, and `COPY --from=Build` works only by that folding. Write stage names in lower case so that \
            every reference reads the same. As `docker build --check`, all stages are checked.
            """, id: .stageNameCasing),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`AS BadStageName`", triggers: true, "FROM scratch AS BadStageName\n"),
            .dockerfile(
                "`as Build` in lower-case FROM", triggers: true,
                "from alpine:3.20 as Build\nrun true\n"),
            .dockerfile("`AS base`", triggers: false, "FROM scratch AS base\n"),
            .dockerfile("no stage name", triggers: false, "FROM alpine:3.20\nRUN true\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.stages.compactMap { stage in
            guard let written = stage.from.writtenStageName, written != written.lowercased(),
                let from = dockerfile.fromInstruction(of: stage)
            else { return nil }
            return BuildKitViolation(from, "Stage name \(Excerpt.quote(written)) should be lowercase.")
        }
    }
}
