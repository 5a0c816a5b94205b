/// Another build that reads the ignore file `fix` writes: same context directory, and no
/// `<Dockerfile>.dockerignore` of its own. What it reads is protected like the build being fixed.
package struct SharingBuild: Sendable {
    /// As the report names it: "compose service `worker` (worker.Dockerfile)" or "Dockerfile docker/api.Dockerfile".
    package var description: String
    /// Its inputs read with the user's own lines (the same as the fixed build's).
    package var inputs: BuildInputs

    /// Finds the builds sharing `target` with the build `context` (built at `targetStage`), by the discovery
    /// `--all` uses, rooted at `root`. A build whose Dockerfile cannot be read is refused: nothing can be proven for it.
    ///
    /// - Parameter discovered: the builds found under `root`, when the caller already ran the discovery (`fix --all`).
    static func find(
        sharing target: String, with context: BuildContext, targetStage: String?, root: String,
        discovered: [DiscoveredBuild]?, rules: IgnoreRules, options: ContextScanner.Options,
        gitCache: inout [String: GitCapture]
    ) throws -> [SharingBuild] {
        let builds =
            try discovered ?? BuildDiscovery.discover(root: root, threads: options.threads, compose: options.compose)
        let ownDockerfile = BuildContext.realPath(context.dockerfile) ?? context.dockerfile
        var found: [SharingBuild] = []
        for build in builds {
            let directory = BuildContext.joined(root, build.context == "." ? "" : build.context)
            guard BuildContext.realPath(directory) == context.root else { continue }
            let dockerfile =
                build.dockerfile.hasPrefix("/") ? build.dockerfile : BuildContext.joined(root, build.dockerfile)
            if (BuildContext.realPath(dockerfile) ?? dockerfile) == ownDockerfile, build.target == targetStage {
                continue
            }
            let other = try BuildContext.resolve(
                context: directory, dockerfile: dockerfile, ignoreFileOverride: nil, discoveryRoot: root)
            let reads = other.ignoreFile?.path ?? BuildContext.joined(other.root, ".dockerignore")
            guard (BuildContext.realPath(reads) ?? reads) == (BuildContext.realPath(target) ?? target) else { continue }
            let description =
                build.service.map { "compose service `\($0)` (\(other.dockerfileDisplayPath))" }
                ?? "Dockerfile \(other.dockerfileDisplayPath)"
            let inputs = try BuildInputs.read(
                context: other, rules: rules, target: build.target, options: options, displayRoot: nil,
                unreadableDockerfile: .recorded, gitCache: &gitCache)
            if let failure = inputs.dockerfileFailure {
                throw FixError(
                    code: .sharedBuildUnreadable,
                    message: """
                        \(description) reads the same ignore file, but its Dockerfile cannot be read (\(failure)); \
                        fix cannot prove it would keep what that build needs, so nothing was written
                        """,
                    fix:
                        "fix that Dockerfile (ctxtrim scan -f \(other.dockerfileDisplayPath) shows why), then run fix again"
                )
            }
            found.append(SharingBuild(description: description, inputs: inputs))
        }
        return found
    }

    /// Where the discovery starts for a context: the git work tree holding it (a compose file at the repository root
    /// may build from it), else the context itself.
    static func discoveryRoot(for context: BuildContext) -> String {
        var directory = context.root
        while true {
            if BuildContext.exists(BuildContext.joined(directory, ".git")) { return directory }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else { return context.root }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }
}
