import DockerfileReader
import UntrustedText

/// `consistent-instruction-casing` (BuildKit `ConsistentInstructionCasing`): a keyword in mixed case, or in the
/// case most keywords do not use.
package struct ConsistentInstructionCasingCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "ConsistentInstructionCasing"
    package static let readsInstructionComments = false

    package static let descriptor = CheckDescriptor(
        id: .consistentInstructionCasing, title: "Inconsistent instruction casing",
        summary: "An instruction keyword is in mixed case or in the case most keywords do not use.",
        defaultSeverity: .warning,
        help: help(
            """
            Keywords are case-insensitive, but a Dockerfile reads best in one case. As BuildKit does, the \
            keywords of the stages (their `FROM`s and instructions, not the `ARG`s before the first `FROM`) are \
            counted: lower case wins only with a strict majority. A keyword in mixed case (`Run`), or in the \
            other case, is reported.
            """, id: .consistentInstructionCasing),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile(
                "`copy` among upper-case keywords", triggers: true,
                "FROM alpine:3.20 AS base\ncopy Dockerfile .\nRUN true\n"),
            .dockerfile("`Run` in mixed case", triggers: true, "from alpine:3.20\nRun true\n"),
            .dockerfile(
                "all upper case", triggers: false, "FROM alpine:3.20 AS base\nCOPY Dockerfile .\nRUN true\n"),
            .dockerfile("all lower case", triggers: false, "from alpine:3.20\ncopy Dockerfile .\nrun true\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let counted = dockerfile.stages.flatMap { stage in
            (dockerfile.fromInstruction(of: stage).map { [$0] } ?? []) + stage.instructions
        }
        var lower = 0
        var upper = 0
        for instruction in counted where Dockerfile.isSelfConsistentCasing(instruction.writtenKeyword) {
            if instruction.writtenKeyword == instruction.writtenKeyword.lowercased() {
                lower += 1
            } else {
                upper += 1
            }
        }
        let majorityLower = lower > upper
        return counted.compactMap { instruction in
            let name = instruction.writtenKeyword
            let casing: String
            if majorityLower && name != name.lowercased() {
                casing = "lowercase"
            } else if !majorityLower && name != name.uppercased() {
                casing = "uppercase"
            } else {
                return nil
            }
            return BuildKitViolation(
                instruction, "Command \(Excerpt.quote(name)) should match the case of the command majority (\(casing))."
            )
        }
    }
}
