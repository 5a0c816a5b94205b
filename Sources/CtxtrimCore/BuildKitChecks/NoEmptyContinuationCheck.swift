import DockerfileReader

/// `no-empty-continuation` (BuildKit `NoEmptyContinuation`): an instruction continued across an empty line.
package struct NoEmptyContinuationCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "NoEmptyContinuation"
    package static let readsInstructionComments = false

    package static let descriptor = CheckDescriptor(
        id: .noEmptyContinuation, title: "Empty continuation line",
        summary: "A line continuation runs across an empty line.",
        defaultSeverity: .warning,
        help: help(
            """
            After a trailing `\\`, BuildKit skips empty lines and goes on with the instruction; a future release \
            will refuse them. An empty line inside a `RUN` usually means a `\\` too many, and the next \
            instruction is read as arguments. Remove the empty line, or end the instruction before it; comment \
            lines inside a continuation are fine. Reported on the instruction's last line, as BuildKit does.
            """, id: .noEmptyContinuation),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile(
                "an empty line after `\\`", triggers: true,
                "FROM alpine:3.20\nRUN apk add \\\n\n    curl\n"),
            .dockerfile(
                "a blank line of spaces", triggers: true,
                "FROM alpine:3.20\nRUN echo a \\\n   \n    && echo b\n"),
            .dockerfile(
                "a comment line inside the continuation", triggers: false,
                "FROM alpine:3.20\nRUN apk add \\\n# the client\n    curl\n"),
            .dockerfile(
                "an empty line between instructions", triggers: false,
                "FROM alpine:3.20\nRUN apk add curl\n\nRUN true\n"),
        ])

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.instructions.compactMap { instruction in
            guard instruction.hasEmptyContinuationLine else { return nil }
            let line = instruction.heredocs.isEmpty ? instruction.endLine : instruction.startLine
            return BuildKitViolation(line: line, message: "Empty continuation line.")
        }
    }
}
