import UntrustedText

extension Dockerfile {
    /// What building `target` (default: the last stage) reads from the build context.
    ///
    /// `buildArgs` are the `--build-arg` values; as in BuildKit they only take effect for `ARG`s the Dockerfile
    /// declares (give the automatic platform ones, such as `TARGETARCH`, here too when sources use them). Sources are
    /// expanded with the stage's `ARG`s and `ENV`s (`ENV` wins over `ARG`, and a stage inherits the `ENV`s of the
    /// stage it is built `FROM`); variables the base image would define are unknown and reported as unresolved.
    ///
    /// `namedContexts` are the names of the local named contexts (`--build-context NAME=DIR`). As in BuildKit's
    /// `dockerfile2llb`, a named context replaces the stage of the same name (`buildDispatchStates`: the stage's
    /// instructions never run), and `COPY --from=NAME`, `RUN --mount=type=bind,from=NAME` and `FROM NAME` read it:
    /// their sources carry `namedContext`, and a `FROM` reads the whole context.
    package func contextUsage(
        target: String? = nil, buildArgs: [String: String] = [:], namedContexts: Set<String> = []
    ) throws(DockerfileError) -> ContextUsage {
        let targetIndex: Int
        if let target {
            guard let stage = stages.last(where: { $0.name == target.lowercased() }) else {
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

        var resolver = StageResolver(
            dockerfile: self, buildArgs: buildArgs, namedContexts: Set(namedContexts.map { $0.lowercased() }))
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
        // BuildKit refuses a mount on `/` only when it dispatches the stage, so only stages the target needs count.
        if let error = needed.sorted().lazy.compactMap({ resolver.dispatchErrors[$0] }).first { throw error }
        // A target that a named context replaces is that context, whole.
        var extra: [ContextSource] = []
        if let name = resolver.replacement(of: targetIndex),
            let whole = ContextSource(
                written: ".", origin: .base, line: stages[targetIndex].fromLine, stageIndex: targetIndex, excludes: [],
                unresolvedVariables: [], treatsWildcards: false, namedContext: name)
        {
            extra.append(whole)
        }
        return ContextUsage(
            targetStage: targetIndex, stages: usages.filter { needed.contains($0.index) }, extraSources: extra)
    }
}

/// Walks the stages in order, keeping the variables in scope, to find each stage's sources and dependencies.
private struct StageResolver {
    /// One instruction a stage runs: its own, or an ONBUILD trigger of the stage it is built from.
    struct Step {
        let keyword: String
        let arguments: String
        let detail: InstructionDetail
        let line: Int
        let heredocs: [Heredoc]
    }

    let dockerfile: Dockerfile
    let buildArgs: [String: String]
    /// The local named contexts, lower-cased.
    let namedContexts: Set<String>
    var globals: [String: String] = [:]
    /// The `ENV`s each resolved stage ends with, inherited by stages built `FROM` it.
    var finalEnvironments: [Int: [String: String]] = [:]
    /// The working directory each resolved stage ends with, nil when the base image sets it (unknown here).
    var finalWorkdirs: [Int: String?] = [:]
    /// The first error BuildKit finds only when it dispatches a stage (a mount whose target resolves to `/`, a broken
    /// ONBUILD trigger), by stage; thrown if the target build needs that stage.
    var dispatchErrors: [Int: DockerfileError] = [:]

    init(dockerfile: Dockerfile, buildArgs: [String: String], namedContexts: Set<String>) {
        self.dockerfile = dockerfile
        self.buildArgs = buildArgs
        self.namedContexts = namedContexts
    }

    /// The named context that replaces stage `index`, when one has the stage's name.
    func replacement(of index: Int) -> String? {
        guard let name = dockerfile.stages[index].name, namedContexts.contains(name) else { return nil }
        return name
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
        if replacement(of: stage.index) != nil {
            // The named context is the stage: nothing of it runs, and it passes no ENV or working directory on.
            finalEnvironments[stage.index] = [:]
            finalWorkdirs[stage.index] = .some(nil)
            return StageUsage(
                index: stage.index, name: stage.name,
                baseImage: BaseImage(reference: base.text, stage: nil, unresolvedVariables: base.unresolved),
                dependencies: [], sources: [], runSteps: [])
        }
        var parent = dockerfile.stages.prefix(stage.index).last { $0.name == base.text.lowercased() }?.index
        var sources: [ContextSource] = []
        // `FROM NAME` of a named context (or of a stage one replaces) starts from the whole context.
        let baseName = base.text.lowercased()
        if base.unresolved.isEmpty,
            parent.flatMap({ replacement(of: $0) }) != nil
                || (parent == nil
                    && namedContexts.contains(baseName)),
            let whole = ContextSource(
                written: ".", origin: .base, line: stage.fromLine, stageIndex: stage.index, excludes: [],
                unresolvedVariables: [], treatsWildcards: false, namedContext: baseName)
        {
            sources.append(whole)
            parent = nil
        }
        var dependencies: [Int] = parent.map { [$0] } ?? []
        var args: [String: String] = [:]
        var env = parent.flatMap { finalEnvironments[$0] } ?? [:]
        // `scratch` starts at `/`; another stage passes its own on; an image's is unknown (its config may set one).
        var workdir: String? =
            if let parent { finalWorkdirs[parent] ?? nil } else if base.text.lowercased() == "scratch" { "/" } else {
                nil
            }
        var runSteps: [RunStep] = []

        // A stage built FROM another runs that stage's ONBUILD triggers first (`initOnBuildTriggers`), each at the
        // line of its ONBUILD.
        var steps: [Step] = []
        if let parent {
            for instruction in dockerfile.stages[parent].instructions {
                guard case .onbuild(let keyword, let arguments, let trigger) = instruction.detail else { continue }
                switch trigger {
                case .success(let detail):
                    steps.append(
                        Step(
                            keyword: keyword, arguments: arguments, detail: detail, line: instruction.startLine,
                            heredocs: instruction.heredocs))
                case .failure(let error):
                    if dispatchErrors[stage.index] == nil { dispatchErrors[stage.index] = error }
                }
            }
        }
        steps += stage.instructions.map {
            Step(
                keyword: $0.keyword, arguments: $0.arguments, detail: $0.detail, line: $0.startLine,
                heredocs: $0.heredocs)
        }

        for instruction in steps {
            let line = instruction.line
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
                if dispatchErrors[stage.index] == nil, let problem = try dispatchProblem(copy, scope: scope, line: line)
                {
                    dispatchErrors[stage.index] = problem
                }
                var namedContext: String?
                if let from = copy.from {
                    let reference = try expand(from, scope, line: line).text
                    namedContext = try self.namedContext(reference, from: stage, flag: "--from", line: line)
                    if namedContext == nil {
                        if let index = try stageReference(reference, from: stage, flag: "--from", line: line) {
                            dependencies.append(index)
                        }
                        continue
                    }
                }
                let excludes = try copy.excludes.map { pattern throws(DockerfileError) in
                    try expand(pattern, scope, line: line).text
                }
                for raw in copy.sources {
                    let expanded = try expand(raw, scope, line: line)
                    if namedContext == nil, Self.isRemote(expanded.text) {
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
                            treatsWildcards: true, namedContext: namedContext)
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
                    if mount.mountsAtTarget, dispatchErrors[stage.index] == nil {
                        let target = try expand(mount.target ?? "", scope, line: line)
                        if target.unresolved.isEmpty,
                            RunMount.resolvedTarget(target.text, workdir: workdir) == "/"
                        {
                            let inWorkdir =
                                target.text.hasPrefix("/") ? "" : " (in the working directory \(workdir ?? "/"))"
                            dispatchErrors[stage.index] = DockerfileError(
                                .invalidMount,
                                "invalid mount target `/` for --mount=\(Excerpt.quote(mount.text))\(inWorkdir)",
                                fix: "give the \(mount.type) mount a target directory such as /src, or set a WORKDIR",
                                path: dockerfile.path, line: line)
                        }
                    }
                    if let from = mount.from {
                        let reference = try expand(from, scope, line: line).text
                        if let name = try namedContext(reference, from: stage, flag: "--mount from", line: line) {
                            guard mount.type == "bind" else { continue }
                            let expanded = try expand(mount.source ?? "", scope, line: line)
                            if let source = ContextSource(
                                written: expanded.text, origin: .bindMount, line: line, stageIndex: stage.index,
                                excludes: [], unresolvedVariables: expanded.unresolved, treatsWildcards: false,
                                namedContext: name)
                            {
                                sources.append(source)
                            }
                        } else if let index = try stageReference(
                            reference, from: stage, flag: "--mount from", line: line)
                        {
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
            case .other where instruction.keyword == "WORKDIR":
                // `NormalizeWorkdir`: a relative path is joined with the current one, then cleaned.
                let path = try expand(instruction.arguments, scope, line: line)
                if path.text.hasPrefix("/") {
                    workdir = RunMount.cleanAbsolute(path.text)
                } else if let current = workdir {
                    workdir = RunMount.cleanAbsolute(current + "/" + path.text)
                }
                if !path.unresolved.isEmpty { workdir = nil }
            case .from, .other, .onbuild:
                continue
            }
        }
        finalEnvironments[stage.index] = env
        finalWorkdirs[stage.index] = workdir
        var seen: Set<Int> = []
        return StageUsage(
            index: stage.index, name: stage.name,
            baseImage: BaseImage(reference: base.text, stage: parent, unresolvedVariables: base.unresolved),
            dependencies: dependencies.filter { seen.insert($0).inserted }, sources: sources, runSteps: runSteps)
    }

    /// What `dispatchCopy` refuses in a COPY/ADD's flags: a numeric `--chmod` that is not octal or above 07777, and
    /// an `--checksum` with several sources or a source that is neither a URL nor a git repository.
    private func dispatchProblem(
        _ copy: CopyInstruction, scope: [String: String], line: Int
    ) throws(DockerfileError) -> DockerfileError? {
        let name = copy.isAdd ? "ADD" : "COPY"
        if let written = copy.chmod {
            let chmod = try expand(written, scope, line: line)
            if chmod.unresolved.isEmpty, !chmod.text.isEmpty, chmod.text.allSatisfy(\.isASCII),
                chmod.text.allSatisfy(\.isNumber)
            {
                if UInt32(chmod.text, radix: 8).map({ $0 > 0o7777 }) ?? true {
                    return DockerfileError(
                        .badFlagValue,
                        "invalid --chmod=\(Excerpt.quote(chmod.text)) of \(name): it should be an octal mode between "
                            + "0 and 07777",
                        fix: "write an octal mode such as 0755", path: dockerfile.path, line: line)
                }
            }
        }
        if let checksum = copy.checksum, !checksum.isEmpty {
            guard copy.sources.count == 1 && copy.heredocSources.isEmpty else {
                return DockerfileError(
                    .badFlagValue, "--checksum of \(name) can't be specified for multiple sources",
                    fix: "give the checksummed URL its own ADD", path: dockerfile.path, line: line)
            }
            let source = try expand(copy.sources[0], scope, line: line)
            if source.unresolved.isEmpty, !Self.isRemote(source.text) {
                return DockerfileError(
                    .badFlagValue, "--checksum of \(name) requires an HTTP(S) or git source",
                    fix: "remove --checksum for a context file", path: dockerfile.path, line: line)
            }
        }
        return nil
    }

    /// The local named context a `--from` value reads: one of that name (it wins over a stage of the same name, which
    /// it replaces), or the one replacing the stage an index names. Nil for a stage or an image.
    private func namedContext(
        _ reference: String, from stage: Stage, flag: String, line: Int
    ) throws(DockerfileError) -> String? {
        guard !namedContexts.isEmpty else { return nil }
        if namedContexts.contains(reference.lowercased()) { return reference.lowercased() }
        guard let index = try stageReference(reference, from: stage, flag: flag, line: line) else { return nil }
        return replacement(of: index)
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
        guard let named = dockerfile.stages.last(where: { $0.name == reference.lowercased() }) else { return nil }
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
