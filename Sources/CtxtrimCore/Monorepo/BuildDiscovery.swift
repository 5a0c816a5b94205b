import ContextWalker

/// Finds every build of a repository: Dockerfiles (built from their own directory, or from the ancestor their COPY
/// sources resolve from: ``StandaloneContext``) and compose services with a `build:` section. A Dockerfile that a
/// compose service names is listed once, as that service.
package enum BuildDiscovery {
    /// The builds below `root`, sorted by context, then Dockerfile, then name.
    ///
    /// - Parameter compose: how compose projects are read (`--env-file`, `--compose-file`, `--compose-environment`).
    /// - Throws: ``MonorepoError`` for a malformed compose file (with its line), a compose context that does not
    ///   exist or lies outside `root`, an include or extends leaving it; `WalkError` when `root` cannot be read.
    package static func discover(
        root: String, threads: Int = WalkOptions.onlineProcessors, compose: ComposeDiscoveryOptions = .init()
    ) throws -> [DiscoveredBuild] {
        guard let realRoot = BuildContext.realPath(root), BuildContext.isDirectory(realRoot) else {
            throw MonorepoError(
                code: .rootNotFound, file: root, message: "repository root '\(root)' is not a directory",
                fix: "pass the directory that holds the builds")
        }
        let walker = ContextWalker(root: realRoot, options: WalkOptions(threads: threads))
        let found = try walker.walk(filter: DiscoveryFilter(), makeVisitor: { DiscoveryVisitor() }).visitor

        var builds: [DiscoveredBuild] = []
        var composeDockerfiles: Set<String> = []
        for build in try composeBuilds(found.composeFiles, root: realRoot, options: compose) {
            builds.append(build)
            composeDockerfiles.insert(BuildContext.lexicallyCleaned("/" + build.dockerfile))
        }
        for dockerfile in found.dockerfiles.sorted()
        where !composeDockerfiles.contains(BuildContext.lexicallyCleaned("/" + dockerfile)) {
            let (context, reason) = StandaloneContext.infer(dockerfile: dockerfile, root: realRoot)
            var build = DiscoveredBuild(name: dockerfile, context: context, dockerfile: dockerfile)
            build.contextReason = reason
            builds.append(build)
        }
        return builds.sorted { ($0.context, $0.dockerfile, $0.name) < ($1.context, $1.dockerfile, $1.name) }
    }

    /// The builds the compose projects of the directories holding `composeFiles` declare (``ComposeDiscovery``),
    /// with paths relative to the root; a build two projects declare alike (a file one includes and one reads
    /// itself) is listed once.
    static func composeBuilds(
        _ composeFiles: [String], root: String, options: ComposeDiscoveryOptions = .init()
    ) throws -> [DiscoveredBuild] {
        var seen: Set<DiscoveredBuild> = []
        return try ComposeDiscovery.run(composeFiles: composeFiles, root: root, options: options).builds.filter {
            seen.insert($0).inserted
        }
    }

    /// The variables of the compose project in `composeDirectory` (relative to the root): its `.env` or the
    /// `--env-file` files, with the process environment over them only under `--compose-environment` (see
    /// ``ComposeInterpolation``).
    static func projectVariables(
        composeDirectory: String, root: String, options: ComposeDiscoveryOptions = .init()
    ) throws -> [String: String] {
        var filesRead: Set<String> = []
        let directory = composeDirectory == "." ? root : BuildContext.joined(root, composeDirectory)
        let userValues = try ComposeDiscovery.userEnvValues(options, filesRead: &filesRead)
        return try ComposeDiscovery.variables(
            directory: directory, root: root, userValues: userValues, options: options, filesRead: &filesRead
        ).all
    }

    /// `a` joined with `b`, `.`-steps collapsed, relative to the root (`.` for the root itself).
    static func relativeJoin(_ base: String, _ path: String) -> String {
        let cleaned = BuildContext.lexicallyCleaned("/" + (base == "." ? path : base + "/" + path))
        return cleaned == "/" ? "." : String(cleaned.dropFirst())
    }

    /// The directory holding a root-relative path: `.` for an entry at the root.
    static func directory(of path: String) -> String {
        let parent = ContextPath.parent(of: path)
        return parent.isEmpty ? "." : String(parent)
    }
}
