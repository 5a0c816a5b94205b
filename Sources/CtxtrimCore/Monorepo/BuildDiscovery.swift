import ContextWalker

/// Finds every build of a repository: Dockerfiles (built from their own directory, or from the ancestor their COPY
/// sources resolve from: ``StandaloneContext``) and compose services with a `build:` section. A Dockerfile that a
/// compose service names is listed once, as that service.
package enum BuildDiscovery {
    /// The builds below `root`, sorted by context, then Dockerfile, then name (``run(root:configPath:threads:compose:)``).
    package static func discover(
        root: String, configPath: String? = nil, threads: Int = WalkOptions.onlineProcessors,
        compose: ComposeDiscoveryOptions = .init()
    ) throws -> [DiscoveredBuild] {
        try run(root: root, configPath: configPath, threads: threads, compose: compose).builds
    }

    /// Everything discovery finds below `root`: the builds, the files read, and the files left out by the
    /// `discovery` section of `configPath` (else the root's `.ctxtrim.yml`) or by the test-data defaults.
    ///
    /// - Parameter compose: how compose projects are read (`--env-file`, `--compose-file`, `--compose-environment`).
    /// - Throws: ``MonorepoError`` for a malformed compose file (with its line), a compose context that does not
    ///   exist or lies outside `root`, an include or extends leaving it; `BakeError` for a bake file outside the
    ///   subset ctxtrim reads (with its line); `ConfigError` for an invalid config file; `WalkError` when `root`
    ///   cannot be read.
    package static func run(
        root: String, configPath: String? = nil, threads: Int = WalkOptions.onlineProcessors,
        compose: ComposeDiscoveryOptions = .init()
    ) throws -> Discovery {
        guard let realRoot = BuildContext.realPath(root), BuildContext.isDirectory(realRoot) else {
            throw MonorepoError(
                code: .rootNotFound, file: root, message: "repository root '\(root)' is not a directory",
                fix: "pass the directory that holds the builds")
        }
        let config = try CtxtrimConfig.load(directory: realRoot, explicitPath: configPath)
        let exclusion = try DiscoveryExclusion(
            settings: config.discovery, source: config.source ?? CtxtrimConfig.fileName)
        // Names and kinds are all discovery needs: no file is measured.
        var walkOptions = WalkOptions(threads: threads)
        walkOptions.readsSizes = false
        let walker = ContextWalker(root: realRoot, options: walkOptions)
        var found = try walker.walk(filter: DiscoveryFilter(), makeVisitor: { DiscoveryVisitor() }).visitor
        var skipped: [Discovery.SkippedFile] = []
        func kept(_ paths: [String]) throws -> [String] {
            try paths.filter { path in
                guard let skip = try exclusion.skip(path) else { return true }
                skipped.append(Discovery.SkippedFile(path: path, skip: skip))
                return false
            }
        }
        found.composeFiles = try kept(found.composeFiles)
        found.dockerfiles = try kept(found.dockerfiles)
        found.bakeFiles = try kept(found.bakeFiles)

        var builds: [DiscoveredBuild] = []
        var composeDockerfiles: Set<String> = []
        let composed = try ComposeDiscovery.run(composeFiles: found.composeFiles, root: realRoot, options: compose)
        var seen: Set<DiscoveredBuild> = []
        // A build two projects declare alike (a file one includes and one reads itself) is listed once.
        for build in composed.builds where seen.insert(build).inserted {
            builds.append(build)
            composeDockerfiles.insert(BuildContext.lexicallyCleaned("/" + build.dockerfile))
        }
        for build in try BakeBuilds.builds(found.bakeFiles, root: realRoot, composeBuilds: builds) {
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
        builds.sort { ($0.context, $0.dockerfile, $0.name) < ($1.context, $1.dockerfile, $1.name) }
        var discovery = Discovery(
            builds: BuildNames.uniquify(builds), filesRead: (composed.filesRead + found.bakeFiles).sorted(),
            skipped: skipped.sorted { $0.path < $1.path }, configSource: config.source)
        discovery.unread = composed.unused.map { Discovery.UnreadFile(path: $0.file, reason: $0.reason) }
        return discovery
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
