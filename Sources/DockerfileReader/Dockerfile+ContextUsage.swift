import UntrustedText

extension Dockerfile {
    /// What building `target` (default: the last stage) reads from the build context.
    ///
    /// `buildArgs` are the `--build-arg` values; as in BuildKit they only take effect for `ARG`s the Dockerfile
    /// declares (give the automatic platform ones, such as `TARGETARCH`, here too when sources use them). Sources are
    /// expanded with the stage's `ARG`s and `ENV`s (`ENV` wins over `ARG`, and a stage inherits the `ENV`s of the
    /// stage it is built `FROM`); variables the base image would define are unknown and reported as unresolved.
    package func contextUsage(
        target: String? = nil, buildArgs: [String: String] = [:]
    ) throws(DockerfileError) -> ContextUsage {
        let targetIndex: Int
        if let target {
            guard let stage = stages.first(where: { $0.name == target.lowercased() }) else {
                let names = stages.compactMap(\.name)
                throw DockerfileError(
                    .unknownTarget,
                    "there is no stage named \(Excerpt.quote(target))",
                    fix: names.isEmpty
                        ? "no stage has a name: name one with FROM image AS name"
                        : "pass one of the stages: \(names.joined(separator: ", "))",
                    path: path, line: nil)
            }
            targetIndex = stage.index
        } else {
            targetIndex = stages.count - 1
        }

        var resolver = StageResolver(dockerfile: self, buildArgs: buildArgs)
        try resolver.resolveGlobalArgs()
        var usages: [StageUsage] = []
        for stage in stages {
            usages.append(try resolver.resolve(stage))
        }

        var needed: Set<Int> = []
        var pending = [targetIndex]
        while let index = pending.popLast() {
            guard needed.insert(index).inserted else { continue }
            pending += usages[index].dependencies
        }
        return ContextUsage(targetStage: targetIndex, stages: usages.filter { needed.contains($0.index) })
    }
}

/// Walks the stages in order, keeping the variables in scope, to find each stage's sources and dependencies.
private struct StageResolver {
    let dockerfile: Dockerfile
    let buildArgs: [String: String]
    var globals: [String: String] = [:]
    /// The `ENV`s each resolved stage ends with, inherited by stages built `FROM` it.
    var finalEnvironments: [Int: [String: String]] = [:]

    init(dockerfile: Dockerfile, buildArgs: [String: String]) {
        self.dockerfile = dockerfile
        self.buildArgs = buildArgs
    }

    mutating func resolveGlobalArgs() throws(DockerfileError) {
        for instruction in dockerfile.instructions.prefix(while: { $0.keyword != "FROM" }) {
            guard case .arg(let definitions) = instruction.detail else { continue }
            for definition in definitions {
                if let value = buildArgs[definition.name] {
                    globals[definition.name] = value
                } else if let value = definition.value {
                    globals[definition.name] = try expand(value, globals, line: instruction.startLine).text
                }
            }
        }
    }

    mutating func resolve(_ stage: Stage) throws(DockerfileError) -> StageUsage {
        let base = try expand(stage.from.image, globals, line: stage.fromLine)
        let parent = dockerfile.stages.prefix(stage.index).last { $0.name == base.text.lowercased() }?.index
        var dependencies: [Int] = parent.map { [$0] } ?? []
        var args: [String: String] = [:]
        var env = parent.flatMap { finalEnvironments[$0] } ?? [:]
        var sources: [ContextSource] = []
        var runSteps: [RunStep] = []

        for instruction in stage.instructions {
            let line = instruction.startLine
            let scope = args.merging(env) { _, fromEnv in fromEnv }
            switch instruction.detail {
            case .arg(let definitions):
                for definition in definitions {
                    if let value = buildArgs[definition.name] {
                        args[definition.name] = value
                    } else if let value = definition.value {
                        args[definition.name] = try expand(value, args.merging(env) { $1 }, line: line).text
                    } else if let value = globals[definition.name] {
                        args[definition.name] = value
                    }
                }
            case .env(let definitions):
                for definition in definitions {
                    env[definition.name] = try expand(definition.value ?? "", args.merging(env) { $1 }, line: line).text
                }
            case .copy(let copy):
                if let from = copy.from {
                    let reference = try expand(from, scope, line: line).text
                    if let index = try stageReference(reference, from: stage, flag: "--from", line: line) {
                        dependencies.append(index)
                    }
                    continue
                }
                let excludes = try copy.excludes.map { pattern throws(DockerfileError) in
                    try expand(pattern, scope, line: line).text
                }
                for raw in copy.sources {
                    let expanded = try expand(raw, scope, line: line)
                    if Self.isRemote(expanded.text) {
                        guard copy.isAdd else {
                            throw DockerfileError(
                                .remoteSourceInCopy,
                                "COPY cannot fetch \(Excerpt.quote(expanded.text))",
                                fix: "use ADD for URLs and git repositories", path: dockerfile.path, line: line)
                        }
                        continue
                    }
                    guard
                        let source = ContextSource(
                            written: expanded.text, origin: copy.isAdd ? .add : .copy, line: line,
                            stageIndex: stage.index, excludes: excludes, unresolvedVariables: expanded.unresolved,
                            treatsWildcards: true)
                    else {
                        throw DockerfileError(
                            .badPattern,
                            "the source \(Excerpt.quote(expanded.text)) is not a valid wildcard pattern",
                            fix: "close every '[' and do not end with '\\'", path: dockerfile.path, line: line)
                    }
                    sources.append(source)
                }
            case .run(let run):
                runSteps.append(RunStep(line: line, run: run, heredocs: instruction.heredocs))
                for mount in run.mounts {
                    if let from = mount.from {
                        let reference = try expand(from, scope, line: line).text
                        if let index = try stageReference(reference, from: stage, flag: "--mount from", line: line) {
                            dependencies.append(index)
                        }
                    } else if mount.type == "bind" {
                        let expanded = try expand(mount.source ?? "", scope, line: line)
                        if let source = ContextSource(
                            written: expanded.text, origin: .bindMount, line: line, stageIndex: stage.index,
                            excludes: [], unresolvedVariables: expanded.unresolved, treatsWildcards: false)
                        {
                            sources.append(source)
                        }
                    }
                }
            case .from, .other:
                continue
            }
        }
        finalEnvironments[stage.index] = env
        var seen: Set<Int> = []
        return StageUsage(
            index: stage.index, name: stage.name,
            baseImage: BaseImage(reference: base.text, stage: parent, unresolvedVariables: base.unresolved),
            dependencies: dependencies.filter { seen.insert($0).inserted }, sources: sources, runSteps: runSteps)
    }

    /// The stage a `--from` value names, or nil for an image or named build context.
    private func stageReference(
        _ reference: String, from stage: Stage, flag: String, line: Int
    ) throws(DockerfileError) -> Int? {
        if let index = Int(reference), String(index) == reference {
            guard index != stage.index, dockerfile.stages.indices.contains(index) else {
                throw DockerfileError(
                    .invalidStageReference,
                    "\(flag)=\(Excerpt.quote(reference)) does not name another stage",
                    fix: "name a stage, or give an index from 0 to \(dockerfile.stages.count - 1) other than this "
                        + "stage's own",
                    path: dockerfile.path, line: line)
            }
            return index
        }
        guard let named = dockerfile.stages.first(where: { $0.name == reference.lowercased() }) else { return nil }
        guard named.index != stage.index else {
            throw DockerfileError(
                .invalidStageReference,
                "\(flag)=\(Excerpt.quote(reference)) names the stage it is in",
                fix: "a stage cannot read from itself: name another stage", path: dockerfile.path, line: line)
        }
        return named.index
    }

    private func expand(
        _ word: String, _ variables: [String: String], line: Int
    ) throws(DockerfileError) -> ShellLexer.Expansion {
        do {
            return try ShellLexer(escapeToken: dockerfile.directives.escapeToken, variables: variables).expand(word)
        } catch {
            throw DockerfileError(
                .badSubstitution, "cannot substitute variables in \(Excerpt.quote(word))",
                fix: "check its quotes and ${...}", path: dockerfile.path, line: line, cause: error.message)
        }
    }

    /// Sources BuildKit fetches instead of reading from the context: HTTP(S) URLs and git repositories
    /// (`git://`, `ssh://`, `user@host:path`). `github.com/owner/repo` without a scheme is a local path to BuildKit.
    static func isRemote(_ source: String) -> Bool {
        let lowered = source.lowercased()
        if ["http://", "https://", "git://", "ssh://"].contains(where: { lowered.hasPrefix($0) }) { return true }
        // BuildKit's implicit SSH form: ^[a-zA-Z0-9-_]+@[a-zA-Z0-9-.]+:
        guard let at = source.firstIndex(of: "@") else { return false }
        let user = source[..<at]
        let afterAt = source[source.index(after: at)...]
        guard let colon = afterAt.firstIndex(of: ":") else { return false }
        let host = afterAt[..<colon]
        let userOK =
            !user.isEmpty && user.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        let hostOK =
            !host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return userOK && hostOK
    }
}
