import GitClassifier

/// Everything a build's scan reads before the walk, read once per run: the resolved context, its ignore rules, the
/// Dockerfile's analysis (or why it has none) and git status. The same inputs serve the scan, `fix`'s plan and its
/// proof walk.
package struct BuildInputs: Sendable {
    package var context: BuildContext
    package var rules: IgnoreRules
    /// The stage built (`--target`); nil for the last one.
    package var target: String?
    /// Nil without a Dockerfile, or when it could not be read (then `dockerfileFailure` says why).
    package var analysis: DockerfileAnalysis?
    /// Why the Dockerfile could not be read or understood, as thrown.
    package var dockerfileFailure: (any Error)?
    /// The failure as the report states it.
    package var dockerfileError: String? { dockerfileFailure.map { "\($0)" } }
    /// Nil when git is off.
    var git: GitCapture?
    /// The checks this build runs when its own config says so (`check --all`); nil for the scan options' own.
    package var enabledChecks: Set<CheckID>?
    /// `large-file`'s threshold when this build's own config sets one (`check --all`); nil for the scan options'.
    package var largeFileThreshold: Int64?
    /// How the report names the context root: as the user typed it for one build, from the repository root in
    /// `--all`.
    package var displayRoot: String

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
    /// - Throws: `IgnoreError` for an invalid ignore file, `ContextError` for one that vanished; when
    ///   `unreadableDockerfile` is `.fails`, whatever would fail the build: `ContextError` for a `-f` Dockerfile that
    ///   does not exist, `InputError` for one that cannot be read, `DockerfileError` for one BuildKit rejects.
    package static func read(
        context: BuildContext, rules: IgnoreRules? = nil, target: String?, options: ContextScanner.Options,
        displayRoot: String? = nil, unreadableDockerfile: UnreadableDockerfile = .fails
    ) throws -> BuildInputs {
        var cache: [String: GitCapture] = [:]
        return try read(
            context: context, rules: rules, target: target, options: options, displayRoot: displayRoot,
            unreadableDockerfile: unreadableDockerfile, gitCache: &cache)
    }

    static func read(
        context: BuildContext, rules: IgnoreRules?, target: String?, options: ContextScanner.Options,
        displayRoot: String?, unreadableDockerfile: UnreadableDockerfile, gitCache: inout [String: GitCapture]
    ) throws -> BuildInputs {
        let rules = try rules ?? IgnoreRules.load(for: context)
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
            enabledChecks: nil,
            displayRoot: displayRoot ?? context.displayRoot)
        guard options.dockerfile else { return inputs }
        do {
            if !context.dockerfileExists, context.dockerfileOrigin == .user {
                throw ContextError(
                    code: .dockerfileNotFound, path: context.dockerfile,
                    message: "the Dockerfile \(context.dockerfileDisplayPath) does not exist",
                    fix: "pass the Dockerfile docker build would use with -f, or leave -f out for CONTEXT/Dockerfile")
            }
            inputs.analysis = try DockerfileAnalysis.load(
                context: context, target: target, buildArgs: options.buildArgs)
        } catch let failure where unreadableDockerfile == .fails {
            throw failure
        } catch {
            inputs.dockerfileFailure = error
        }
        return inputs
    }

    /// The same build read with other ignore rules (the Dockerfile and git status are not read again).
    package func with(rules: IgnoreRules) -> BuildInputs {
        var copy = self
        copy.rules = rules
        return copy
    }

    /// The git status, when git is on and worked.
    var snapshot: GitStatusSnapshot? { git?.snapshot }
}
