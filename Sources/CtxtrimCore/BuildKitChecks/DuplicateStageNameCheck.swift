import DockerfileReader
import UntrustedText

/// `duplicate-stage-name` (BuildKit `DuplicateStageName`): two stages share a name (case-insensitive).
package struct DuplicateStageNameCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "DuplicateStageName"
    package static let readsInstructionComments = false

    package static let descriptor = CheckDescriptor(
        id: .duplicateStageName, title: "Duplicate stage name",
        summary: "Two stages have the same name, so which one a reference means depends on where it is.",
        defaultSeverity: .warning,
        help: help(
            """
            BuildKit builds such a Dockerfile, as `validateStageNames` only warns: a later `FROM name` takes the \
            latest stage of that name before it, while `COPY --from=name` and `--target name` take the last one \
            in the file. Give each stage its own name.
            """, id: .duplicateStageName),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile(
                "`builder` twice", triggers: true,
                "FROM debian:12 AS builder\nRUN true\nFROM golang:1.22 AS builder\nRUN true\n"),
            .dockerfile(
                "names differing in case only", triggers: true,
                "FROM alpine:3.20 AS base\nFROM alpine:3.20 AS Base\nRUN true\n"),
            .dockerfile(
                "unique names", triggers: false,
                "FROM debian:12 AS deb-builder\nFROM golang:1.22 AS go-builder\nRUN true\n"),
            .dockerfile("unnamed stages", triggers: false, "FROM alpine:3.20\nFROM alpine:3.20\nRUN true\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        var seen: Set<String> = []
        return dockerfile.stages.compactMap { stage in
            guard let name = stage.name, !seen.insert(name).inserted, let from = dockerfile.fromInstruction(of: stage)
            else { return nil }
            return BuildKitViolation(
                from, "Duplicate stage name \(Excerpt.quote(name)), stage names should be unique")
        }
    }
}
