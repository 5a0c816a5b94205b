import DockerfileReader

/// The variables a `FROM` line sees in BuildKit, built as `defaultArgs` and `buildMetaArgs` do for a build with no
/// `--build-arg`: the automatic platform arguments, then each `ARG` before the first `FROM` that has a default.
struct BuildKitGlobalScope {
    /// Variable values in force on `FROM` lines.
    let values: [String: String]
    /// Names a `FROM` may use without being reported: the automatic ones and every global `ARG`, with or without
    /// a default (`unusedFromArgsCheckKeys`).
    let declared: Set<String>

    /// BuildKit's automatic arguments (`defaultArgs`), valued for a linux/amd64 build of the default target.
    static let automaticArguments: [String: String] = [
        "BUILDPLATFORM": "linux/amd64", "BUILDOS": "linux", "BUILDOSVERSION": "", "BUILDARCH": "amd64",
        "BUILDVARIANT": "", "TARGETPLATFORM": "linux/amd64", "TARGETOS": "linux", "TARGETOSVERSION": "",
        "TARGETARCH": "amd64", "TARGETVARIANT": "", "TARGETSTAGE": "default",
    ]

    init(_ dockerfile: Dockerfile) {
        var values = Self.automaticArguments
        var declared = Set(values.keys)
        for instruction in dockerfile.instructions.prefix(while: { $0.keyword != "FROM" }) {
            guard case .arg(let definitions) = instruction.detail else { continue }
            for definition in definitions {
                declared.insert(definition.name)
                if let value = definition.value {
                    values[definition.name] = dockerfile.expand(value, variables: values)?.text ?? ""
                }
            }
        }
        self.values = values
        self.declared = declared
    }
}

extension Dockerfile {
    /// The `FROM` instruction of `stage`.
    func fromInstruction(of stage: Stage) -> Instruction? {
        instructions.first { $0.startLine == stage.fromLine }
    }

    /// The earlier stage `stage` is built `FROM`, by its name after global `ARG` substitution.
    func parentStage(of stage: Stage, scope: BuildKitGlobalScope) -> Int? {
        guard let base = expand(stage.from.image, variables: scope.values)?.text.lowercased() else { return nil }
        return stages.prefix(stage.index).last { $0.name == base }?.index
    }

    /// Whether an instruction keyword is self-consistent in case (all lower or all upper), BuildKit's
    /// `isSelfConsistentCasing`.
    static func isSelfConsistentCasing(_ word: String) -> Bool {
        word == word.lowercased() || word == word.uppercased()
    }
}
