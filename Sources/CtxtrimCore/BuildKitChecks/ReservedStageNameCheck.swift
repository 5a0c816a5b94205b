import DockerfileReader
import UntrustedText

/// `reserved-stage-name` (BuildKit `ReservedStageName`): a stage named `scratch` or `context`.
package struct ReservedStageNameCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "ReservedStageName"
    package static let readsInstructionComments = false

    /// BuildKit's `reservedStageNames`.
    static let reserved: Set<String> = ["context", "scratch"]

    package static let descriptor = CheckDescriptor(
        id: .reservedStageName, title: "Reserved stage name",
        summary: "A stage is named `scratch` or `context`, names BuildKit reserves.",
        defaultSeverity: .warning,
        help: help(
            """
            `scratch` is the empty image and `context` the build context: a stage of that name makes `FROM \
            scratch` or `COPY --from=context` mean something else depending on where it is read. Rename the stage.
            """, id: .reservedStageName),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`AS scratch`", triggers: true, "FROM alpine:3.20 AS scratch\nRUN true\n"),
            .dockerfile("`AS Context`", triggers: true, "FROM alpine:3.20 AS Context\nRUN true\n"),
            .dockerfile("`AS base`", triggers: false, "FROM alpine:3.20 AS base\nRUN true\n"),
            .dockerfile("`FROM scratch` itself", triggers: false, "FROM scratch\nCOPY app /\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.stages.compactMap { stage in
            guard let name = stage.name, Self.reserved.contains(name), let from = dockerfile.fromInstruction(of: stage)
            else { return nil }
            return BuildKitViolation(
                from, "Stage name should not use the same name as reserved stage \(Excerpt.quote(name)).")
        }
    }
}
