import ContextWalker

/// Finds every build of a repository: Dockerfiles (built from their own directory, or from the ancestor their COPY
/// sources resolve from: ``StandaloneContext``) and compose services with a `build:` section. A Dockerfile that a
/// compose service names is listed once, as that service.
package enum BuildDiscovery {
    /// The builds below `root`, sorted by context, then Dockerfile, then name.
    ///
    /// - Throws: ``MonorepoError`` for a malformed compose file (with its line), a compose context that does not
    ///   exist or lies outside `root`; `BakeError` for a bake file outside the subset ctxtrim reads (with its line);
    ///   `WalkError` when `root` cannot be read.
    package static func discover(root: String, threads: Int = WalkOptions.onlineProcessors) throws -> [DiscoveredBuild]
    {
        guard let realRoot = BuildContext.realPath(root), BuildContext.isDirectory(realRoot) else {
            throw MonorepoError(
                code: .rootNotFound, file: root, message: "repository root '\(root)' is not a directory",
                fix: "pass the directory that holds the builds")
        }
        let walker = ContextWalker(root: realRoot, options: WalkOptions(threads: threads))
        let found = try walker.walk(filter: DiscoveryFilter(), makeVisitor: { DiscoveryVisitor() }).visitor

        var builds: [DiscoveredBuild] = []
        var composeDockerfiles: Set<String> = []
        for composePath in found.composeFiles.sorted() {
            for build in try composeBuilds(composePath, root: realRoot) {
                builds.append(build)
                composeDockerfiles.insert(BuildContext.lexicallyCleaned("/" + build.dockerfile))
            }
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
        return builds.sorted { ($0.context, $0.dockerfile, $0.name) < ($1.context, $1.dockerfile, $1.name) }
    }

    /// The builds one compose file declares, with paths made relative to the repository root.
    static func composeBuilds(_ composePath: String, root: String) throws -> [DiscoveredBuild] {
        let path = BuildContext.joined(root, composePath)
        guard let bytes = try InputFile.read(path, kind: .compose, origin: .tree(root: root)) else { return [] }
        let composeDirectory = directory(of: composePath)
        let variables = try projectVariables(composeDirectory: composeDirectory, root: root)
        let compose = try ComposeFile.parse(
            String(decoding: bytes, as: UTF8.self), source: composePath, variables: variables)
        return try compose.builds.compactMap { build throws(MonorepoError) -> DiscoveredBuild? in
            if isRemote(build.context) { return nil }
            let context = try resolveContext(build, composeFile: composePath, directory: composeDirectory, root: root)
            let dockerfileName = build.dockerfile ?? "Dockerfile"
            let dockerfile =
                dockerfileName.hasPrefix("/")
                ? (BuildContext.relative(dockerfileName, to: root) ?? dockerfileName)
                : relativeJoin(context, dockerfileName)
            return DiscoveredBuild(
                name: build.service, context: context, dockerfile: dockerfile, service: build.service,
                composeFile: composePath, target: build.target)
        }
    }

    /// The project's `.env` beside the compose file, read as compose reads it (never the process environment:
    /// see ``ComposeInterpolation``).
    static func projectVariables(composeDirectory: String, root: String) throws -> [String: String] {
        let relative = relativeJoin(composeDirectory, DotEnvFile.name)
        let path = BuildContext.joined(root, relative)
        guard let bytes = try InputFile.read(path, kind: .envFile, origin: .tree(root: root)) else { return [:] }
        do throws(ComposeInterpolation.Failure) {
            return try DotEnvFile.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw MonorepoError(
                code: .malformedCompose, file: relative, message: error.problem,
                fix: "write each variable as NAME=value")
        }
    }

    /// The service's context relative to the root; it must exist inside the root (one walk covers every build).
    private static func resolveContext(
        _ build: ComposeFile.ServiceBuild, composeFile: String, directory: String, root: String
    ) throws(MonorepoError) -> String {
        let absolute =
            build.context.hasPrefix("/")
            ? BuildContext.lexicallyCleaned(build.context)
            : BuildContext.lexicallyCleaned(BuildContext.joined(BuildContext.joined(root, directory), build.context))
        guard BuildContext.isDirectory(absolute) else {
            throw MonorepoError(
                code: .contextNotFound, file: composeFile, line: build.line,
                message: "the build context '\(build.context)' of service `\(build.service)` is not a directory",
                fix: "fix the path")
        }
        guard let relative = BuildContext.relative(absolute, to: root) else {
            throw MonorepoError(
                code: .contextOutsideRoot, file: composeFile, line: build.line,
                message:
                    "the build context '\(build.context)' of service `\(build.service)` lies outside the scanned root",
                fix: "run from a directory that contains it")
        }
        return relative
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

    /// A Git URL or remote archive, which no local walk can see.
    static func isRemote(_ context: String) -> Bool {
        context.contains("://") || context.hasPrefix("git@")
    }
}
