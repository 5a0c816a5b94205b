import UntrustedText

/// A parsed Dockerfile: its parser directives, global `ARG`s and stages.
package struct Dockerfile: Equatable, Sendable {
    /// The path as the caller gave it; used only in error messages.
    package let path: String
    package let directives: ParserDirectives
    /// Every instruction in order, including `FROM`s and global `ARG`s.
    package let instructions: [Instruction]
    /// The `ARG`s before the first `FROM`: usable in `FROM` lines, and in stages that declare them again.
    package let globalArgs: [VariableDefinition]
    package let stages: [Stage]

    /// Parses Dockerfile text; `path` is used only to word errors.
    package static func parse(_ text: String, path: String = "Dockerfile") throws(DockerfileError) -> Dockerfile {
        let (directives, instructions) = try InstructionReader(path: path).read(text)
        var globalArgs: [VariableDefinition] = []
        var stages: [Stage] = []
        var current: (from: FromInstruction, line: Int, body: [Instruction])?
        for instruction in instructions {
            switch instruction.detail {
            case .from(let from):
                if let open = current {
                    stages.append(
                        Stage(
                            index: stages.count, name: open.from.stageName, from: open.from, fromLine: open.line,
                            instructions: open.body))
                }
                // A stage name used twice builds: BuildKit only warns (`DuplicateStageName`), a later `FROM` takes
                // the latest stage of that name before it, `COPY --from` and `--target` the last one.
                current = (from, instruction.startLine, [])
            case .arg(let definitions) where current == nil:
                globalArgs += definitions
            default:
                guard current != nil else {
                    throw DockerfileError(
                        .missingFrom,
                        "\(instruction.keyword) comes before the first FROM",
                        fix: "move it after a FROM: only ARG may precede FROM", path: path, line: instruction.startLine)
                }
                current?.body.append(instruction)
            }
        }
        guard let last = current else {
            throw DockerfileError(
                .missingFrom, "the Dockerfile has no FROM instruction", fix: "add one to start a stage",
                path: path, line: nil)
        }
        stages.append(
            Stage(
                index: stages.count, name: last.from.stageName, from: last.from, fromLine: last.line,
                instructions: last.body))
        return Dockerfile(
            path: path, directives: directives, instructions: instructions, globalArgs: globalArgs, stages: stages)
    }

    /// The stage with this name (case-insensitive; the last of that name, as BuildKit's `findStateByName`) or, for a
    /// decimal number, this index.
    package func stage(named reference: String) -> Stage? {
        let lowered = reference.lowercased()
        if let byName = stages.last(where: { $0.name == lowered }) { return byName }
        if let index = Int(reference), String(index) == reference, stages.indices.contains(index) {
            return stages[index]
        }
        return nil
    }
}
