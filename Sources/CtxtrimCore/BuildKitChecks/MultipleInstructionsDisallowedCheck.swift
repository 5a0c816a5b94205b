import DockerfileReader

/// `multiple-instructions-disallowed` (BuildKit `MultipleInstructionsDisallowed`): a second `CMD`,
/// `ENTRYPOINT` or `HEALTHCHECK` in a stage, which makes the first one dead.
package struct MultipleInstructionsDisallowedCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "MultipleInstructionsDisallowed"

    package static let descriptor = CheckDescriptor(
        id: .multipleInstructionsDisallowed, title: "Repeated CMD, ENTRYPOINT or HEALTHCHECK",
        summary: "A stage has more than one `CMD`, `ENTRYPOINT` or `HEALTHCHECK`, and only the last one counts.",
        defaultSeverity: .warning,
        help: help(
            """
            Each of these instructions replaces the previous one of the stage, so an earlier one does nothing. \
            Remove it, or join what both meant into one. As BuildKit does, the finding names the earlier \
            instruction, the one that is ignored.
            """, id: .multipleInstructionsDisallowed),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile(
                "two `CMD`s", triggers: true, "FROM scratch\nCMD [\"./app\"]\nCMD [\"./app\", \"--debug\"]\n"),
            .dockerfile(
                "two `ENTRYPOINT`s", triggers: true,
                "FROM scratch\nENTRYPOINT [\"/a\"]\nCOPY a /\nENTRYPOINT [\"/b\"]\n"),
            .dockerfile(
                "one per stage", triggers: false,
                "FROM alpine:3.20 AS base\nCMD [\"a\"]\nFROM base\nCMD [\"b\"]\n"),
            .dockerfile(
                "`CMD` and `ENTRYPOINT`", triggers: false,
                "FROM scratch\nENTRYPOINT [\"/app\"]\nCMD [\"--help\"]\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.stages.flatMap { stage in
            var previous: [String: Instruction] = [:]
            var found: [BuildKitViolation] = []
            for instruction in stage.instructions
            where ["CMD", "ENTRYPOINT", "HEALTHCHECK"].contains(instruction.keyword) {
                if let earlier = previous[instruction.keyword] {
                    found.append(
                        BuildKitViolation(
                            line: earlier.startLine, comments: instruction.comments,
                            message: """
                                Multiple \(instruction.writtenKeyword) instructions should not be used in the same \
                                stage because only the last one will be used.
                                """))
                }
                previous[instruction.keyword] = instruction
            }
            return found
        }
    }
}
