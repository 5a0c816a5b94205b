import GitClassifier

/// Everything a build's scan reads before the walk, read once per run: the resolved context, its ignore rules, its
/// `.ctxtrim.yml`, the Dockerfile's analysis (or why it has none) and git status. The same inputs serve the scan, `fix`'s plan and its
/// proof walk.
package struct BuildInputs: Sendable {
    package var context: BuildContext
    package var rules: IgnoreRules
    /// The stage built (`--target`); nil for the last one.
    package var target: String?
    /// The `--build-arg` values (for `--all`, the build's own under those given).
    package var buildArguments: [String: String] = [:]
    /// Nil without a Dockerfile, or when it could not be read (then `dockerfileFailure` says why).
    package var analysis: DockerfileAnalysis?
    /// Why the Dockerfile could not be read or understood, as thrown.
    package var dockerfileFailure: (any Error)?
    /// The failure as the report states it.
    package var dockerfileError: String? { dockerfileFailure.map { "\($0)" } }
    /// Nil when git is off.
    var git: GitCapture?
    /// The build's `.ctxtrim.yml` (or `--config`): which checks run and how their findings are graded, the same
    /// for every command.
    package var config: CtxtrimConfig
    /// How the report names the context root: as the user typed it for one build, from the repository root in
    /// `--all`.
    package var displayRoot: String
    /// The build's named contexts (`--build-context`, compose `additional_contexts`, bake `contexts`), as given.
    package var namedContexts: [NamedContextInputs] = []
    /// Set on the inputs of a named context: its name. Its report's findings are the build's, not a build's own.
    package var namedContext: String?

    /// What happens when `docker build` would fail on the Dockerfile: a `-f` file that does not exist, one that is not
    /// a regular file, too large or leads out of the tree, one BuildKit cannot parse, or a `--target` it lacks.
    package enum UnreadableDockerfile: Sendable {
        /// Thrown, naming the file and line: the build would fail before sending anything.
        case fails
        /// Recorded as the build's error, so that the other builds of `--all` are still scanned.
        case recorded
    }

    /// Reads the inputs of one build. `rules` replaces the context's own ignore file (as `fix` does with the user's
    /// lines only); `gitCache` shares one git status between builds of the same context directory.
    ///
    /// - Throws: `IgnoreError` for an invalid ignore file, `ContextError` for one that vanished, `ConfigError` for an
    ///   invalid config file (or a `--config` that does not exist); when
    ///   `unreadableDockerfile` is `.fails`, whatever would fail the build: `ContextError` for a `-f` Dockerfile that
    ///   does not exist, `InputError` for one that cannot be read, `DockerfileError` for one BuildKit rejects.
    ///   `NamedContextError` for a `--build-context` directory that does not exist.
    ///
    /// `options.namedContexts` are the build's named contexts, local directories taken relative to
    /// `namedContextBase` (nil: the current directory). `inlineDockerfile` is the Dockerfile's text when a compose or
    /// bake file writes it inline; `context.dockerfile` then names that file, in errors too.
    package static func read(
        context: BuildContext, rules: IgnoreRules? = nil, target: String?, options: ContextScanner.Options,
        displayRoot: String? = nil, unreadableDockerfile: UnreadableDockerfile = .fails,
        inlineDockerfile: String? = nil, namedContextBase: String? = nil
    ) throws -> BuildInputs {
        var cache: [String: GitCapture] = [:]
        return try read(
            context: context, rules: rules, target: target, options: options, displayRoot: displayRoot,
            unreadableDockerfile: unreadableDockerfile, gitCache: &cache, inlineDockerfile: inlineDockerfile,
            namedContextBase: namedContextBase)
    }

    /// `declared`: the build is declared by a compose or bake file, whose build fails without its Dockerfile.
    static func read(
        context: BuildContext, rules: IgnoreRules?, target: String?, options: ContextScanner.Options,
        displayRoot: String?, unreadableDockerfile: UnreadableDockerfile, gitCache: inout [String: GitCapture],
        inlineDockerfile: String? = nil, namedContextBase: String? = nil, declared: Bool = false
    ) throws -> BuildInputs {
        let localNames = Set(options.namedContexts.filter { $0.localPath != nil }.map(\.name))
        // A missing directory fails the build before anything is sent, as buildx refuses it.
        let namedRoots = try NamedBuildContext.roots(of: options.namedContexts, base: namedContextBase)
        let rules = try rules ?? IgnoreRules.load(for: context)
        // The config only says which checks run and how they are graded: a scan without findings (`ls`) ignores it.
        let config =
            options.findings ? try CtxtrimConfig.load(for: context, explicitPath: options.configPath) : CtxtrimConfig()
        var git: GitCapture?
        if options.git {
            if let known = gitCache[context.root] {
                git = known
            } else {
                git = GitCapture.capture(directory: context.root, displayPath: ".", timeout: options.gitTimeout)
                gitCache[context.root] = git
            }
        }
        var inputs = BuildInputs(
            context: context, rules: rules, target: target, analysis: nil, dockerfileFailure: nil, git: git,
            config: config, displayRoot: displayRoot ?? context.displayRoot)
        inputs.buildArguments = options.buildArgs
        guard options.dockerfile else { return inputs }
        do {
            if !context.dockerfileExists, context.dockerfileOrigin == .user {
                throw ContextError(
                    code: .dockerfileNotFound, path: context.dockerfile,
                    message: "the Dockerfile \(context.dockerfileDisplayPath) does not exist",
                    fix: "pass the Dockerfile docker build would use with -f, or leave -f out for CONTEXT/Dockerfile")
            }
            // `docker compose build` and `bake` fail on a declared build whose Dockerfile is not there (an unset
            // `${VAR}` in `dockerfile:` falls back to `Dockerfile`).
            if !context.dockerfileExists, declared, inlineDockerfile == nil {
                throw ContextError(
                    code: .dockerfileNotFound, path: context.dockerfile,
                    message: "the Dockerfile \(context.dockerfileDisplayPath) of this build does not exist",
                    fix: "name an existing Dockerfile in the declaration (`build.dockerfile`, bake's `dockerfile`)")
            }
            inputs.analysis = try DockerfileAnalysis.load(
                context: context, target: target, buildArgs: options.buildArgs, namedContexts: localNames,
                inlineDockerfile: inlineDockerfile)
        } catch let failure where unreadableDockerfile == .fails {
            throw failure
        } catch {
            inputs.dockerfileFailure = error
        }
        let read = Set(inputs.analysis?.usage.namedContextsRead ?? [])
        for named in options.namedContexts {
            var entry = NamedContextInputs(context: named)
            if let root = namedRoots[named.name], let analysis = inputs.analysis, read.contains(named.name) {
                entry.inputs = try namedInputs(
                    named, root: root, of: inputs, analysis: analysis, options: options, gitCache: &gitCache)
            }
            inputs.namedContexts.append(entry)
        }
        return inputs
    }

    /// The inputs of a local named context the build reads: its directory with its own `.dockerignore` (BuildKit's
    /// `NamedContext.load` reads only that one, never a `<Dockerfile>.dockerignore`), the sources the Dockerfile
    /// reads from it as its own, and the build's config. Its ignore file is named from the build's context root
    /// (`../lib/.dockerignore`), so no finding can be taken for one of the main context.
    private static func namedInputs(
        _ named: NamedBuildContext, root: String, of build: BuildInputs, analysis: DockerfileAnalysis,
        options: ContextScanner.Options, gitCache: inout [String: GitCapture]
    ) throws -> BuildInputs {
        let prefix = BuildContext.relativeDisplay(of: root, from: build.context.root)
        let ignorePath = BuildContext.joined(root, ".dockerignore")
        let choice =
            BuildContext.exists(ignorePath)
            ? BuildContext.IgnoreFileChoice(
                path: ignorePath, displayPath: BuildContext.prefixed(".dockerignore", with: prefix), origin: .context,
                inputOrigin: .tree(root: root)) : nil
        let main = build.context
        let context = BuildContext(
            givenRoot: named.localPath ?? root, root: root, dockerfile: main.dockerfile,
            dockerfileDisplayPath: main.dockerfileDisplayPath, dockerfileExists: main.dockerfileExists,
            dockerfileOrigin: main.dockerfileOrigin, ignoreFile: choice, shadowedIgnoreFile: nil)
        var git: GitCapture?
        if options.git {
            if let known = gitCache[root] {
                git = known
            } else {
                git = GitCapture.capture(directory: root, displayPath: ".", timeout: options.gitTimeout)
                gitCache[root] = git
            }
        }
        return BuildInputs(
            context: context, rules: try IgnoreRules.load(for: context), target: build.target,
            analysis: try DockerfileAnalysis(
                dockerfile: analysis.dockerfile, usage: analysis.usage.usage(ofNamedContext: named.name)),
            dockerfileFailure: nil, git: git, config: build.config, displayRoot: named.localPath ?? prefix,
            namedContext: named.name)
    }

    /// The same build read with other ignore rules (the Dockerfile and git status are not read again).
    package func with(rules: IgnoreRules) -> BuildInputs {
        var copy = self
        copy.rules = rules
        return copy
    }

    /// The checks this build runs: those the options ask for (all when nil) but what its config turns off.
    /// A named context runs no Dockerfile hints: they are the build's, reported once with its own findings.
    func enabledChecks(_ options: ContextScanner.Options) -> Set<CheckID>? {
        let enabled = config.enabledChecks(within: options.enabledChecks)
        guard namedContext != nil else { return enabled }
        return (enabled ?? Set(CheckCatalog.all.map(\.id))).subtracting(Self.buildOnlyChecks)
    }

    /// The hints about the Dockerfile as a whole, which a named context does not repeat: BuildKit's rules among them.
    static let buildOnlyChecks: Set<CheckID> = Set(
        [.copyAllBeforeInstall, .singleStageCompilerImage, .unpinnedBaseImage, .baseImageNotDigestPinned]
            + LintRegistry.checks.compactMap { ($0 as? any BuildKitCheck)?.descriptor.id })

    /// The git status, when git is on and worked.
    var snapshot: GitStatusSnapshot? { git?.snapshot }
}
