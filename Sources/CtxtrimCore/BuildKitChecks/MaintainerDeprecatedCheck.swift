import DockerfileReader

/// `maintainer-deprecated` (BuildKit `MaintainerDeprecated`): the `MAINTAINER` instruction.
package struct MaintainerDeprecatedCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "MaintainerDeprecated"

    package static let descriptor = CheckDescriptor(
        id: .maintainerDeprecated, title: "MAINTAINER is deprecated",
        summary: "The Dockerfile uses the deprecated `MAINTAINER` instruction.",
        defaultSeverity: .warning,
        help: help(
            """
            `MAINTAINER` sets the image's author field, which nothing reads any more. Use a label instead: \
            `LABEL org.opencontainers.image.authors="..."`.
            """, id: .maintainerDeprecated),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`MAINTAINER`", triggers: true, "FROM scratch\nMAINTAINER moby@example.com\n"),
            .dockerfile(
                "`maintainer` in a later stage", triggers: true,
                "FROM alpine:3.20 AS base\nRUN true\nFROM base\nmaintainer dev@example.com\n"),
            .dockerfile(
                "an authors label", triggers: false,
                "FROM scratch\nLABEL org.opencontainers.image.authors=\"moby@example.com\"\n"),
            .dockerfile("no author at all", triggers: false, "FROM scratch\nCOPY app /\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.instructions.filter { $0.keyword == "MAINTAINER" }.map {
            BuildKitViolation($0, "Maintainer instruction is deprecated in favor of using label.")
        }
    }
}
