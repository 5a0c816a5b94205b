import BakeReader
import UntrustedText

/// The builds that the bake files of a repository declare: every target of each directory's bake files
/// (`docker-bake.json`, `docker-bake.hcl`, then the override files, read together as `docker buildx bake` reads them
/// in that directory) is one build named `bake:<target>`. Groups only select targets, so they add no build.
///
/// Paths resolve as buildx's `toBuildOpt` resolves them when bake runs in the bake files' directory: the context
/// (default `.`) and local named contexts relative to that directory, `cwd://` stripped, the Dockerfile relative to
/// the context. Variables are their defaults: the process environment is never read (a hostile bake file could
/// otherwise print a CI secret into a report).
enum BakeBuilds {
    /// The names bake reads by default, less the compose files (discovered as compose services).
    static let fileNames: Set<String> = Set(BakeDefinition.defaultFileNames)

    /// The builds of the bake files at `bakeFiles` (paths relative to `root`).
    ///
    /// A target named like a service of a compose file in the same directory is the build of that service, which
    /// bake merges into the service's target, and is not listed again. A target that only serves as a parent
    /// (inherited from, named by no group, with no Dockerfile of its own) is not a build either. A target whose context is remote (a Git
    /// URL, an archive) is left out, as compose's are.
    ///
    /// - Throws: ``BakeError`` for a file outside the subset ctxtrim reads (with its line), ``MonorepoError`` for a
    ///   context or named context that is not a directory inside `root`, `InputError` for an unreadable file.
    static func builds(_ bakeFiles: [String], root: String, composeBuilds: [DiscoveredBuild]) throws
        -> [DiscoveredBuild]
    {
        let order = BakeDefinition.defaultFileNames
        let byDirectory = Dictionary(grouping: bakeFiles) { BuildDiscovery.directory(of: $0) }
        var definitions: [(directory: String, targets: [BakeTarget])] = []
        for directory in byDirectory.keys.sorted() {
            let files = (byDirectory[directory] ?? []).sorted {
                (order.firstIndex(of: fileName($0)) ?? order.count)
                    < (order.firstIndex(of: fileName($1)) ?? order.count)
            }
            var sources: [BakeDefinition.Source] = []
            for file in files {
                guard
                    let bytes = try InputFile.read(
                        BuildContext.joined(root, file), kind: .bake, origin: .tree(root: root))
                else { continue }
                sources.append(BakeDefinition.Source(name: file, bytes: bytes))
            }
            let services = Set(
                composeBuilds.filter { $0.composeFile.map(BuildDiscovery.directory(of:)) == directory }
                    .compactMap(\.service))
            let definition = try BakeDefinition.read(sources)
            let grouped = definition.groupedTargets
            let inherited = definition.inheritedTargets
            let targets = definition.targets.filter { target in
                !services.contains(target.name)
                    && !(inherited.contains(target.name) && !grouped.contains(target.name)
                        && !buildsOnItsOwn(target, directory: directory, root: root))
            }
            definitions.append((directory, targets))
        }
        var seen: [String: Int] = [:]
        for definition in definitions { for target in definition.targets { seen[target.name, default: 0] += 1 } }

        var builds: [DiscoveredBuild] = []
        for (directory, targets) in definitions {
            for target in targets {
                let qualified = (seen[target.name] ?? 0) > 1 && directory != "."
                let name = qualified ? "bake:\(directory)/\(target.name)" : "bake:\(target.name)"
                if let build = try build(target, name: name, directory: directory, root: root) { builds.append(build) }
            }
        }
        return builds
    }

    /// Whether a target could be built alone: it writes its Dockerfile inline, or the Dockerfile it names (by
    /// default `Dockerfile` in the context) exists. A target that others inherit from, that no group names and that
    /// fails this is a template of shared attributes (`_common`, `docker-metadata-action`), not a build.
    private static func buildsOnItsOwn(_ target: BakeTarget, directory: String, root: String) -> Bool {
        if target.dockerfileInline != nil { return true }
        let contextPath = stripCwd(target.context ?? ".")
        guard isLocal(contextPath) else { return true }
        let named = target.dockerfile.flatMap { $0.isEmpty ? nil : $0 } ?? "Dockerfile"
        let dockerfile: String
        if named.hasPrefix("cwd://") {
            dockerfile = BuildContext.joined(BuildContext.joined(root, directory), stripCwd(named))
        } else if named.hasPrefix("/") {
            dockerfile = named
        } else if contextPath.hasPrefix("/") {
            dockerfile = BuildContext.joined(contextPath, named)
        } else {
            dockerfile = BuildContext.joined(
                BuildContext.joined(BuildContext.joined(root, directory), contextPath), named)
        }
        return BuildContext.exists(dockerfile)
    }

    /// One target as a build, or nil when its context is remote.
    private static func build(_ target: BakeTarget, name: String, directory: String, root: String) throws(MonorepoError)
        -> DiscoveredBuild?
    {
        let written = target.context ?? "."
        let contextPath = stripCwd(written)
        if !isLocal(contextPath) { return nil }
        let contextAt = target.contextLocation ?? target.location
        let context = try directoryInRoot(
            contextPath, written: written, what: "the build context", target: target.name, at: contextAt,
            directory: directory, root: root)

        let dockerfile: String
        if target.dockerfileInline != nil {
            dockerfile = target.location.file
        } else {
            let named = target.dockerfile.flatMap { $0.isEmpty ? nil : $0 } ?? "Dockerfile"
            if named.hasPrefix("cwd://") {
                dockerfile = rootRelative(stripCwd(named), directory: directory, root: root)
            } else if named.hasPrefix("/") {
                dockerfile = BuildContext.relative(BuildContext.lexicallyCleaned(named), to: root) ?? named
            } else {
                dockerfile = BuildDiscovery.relativeJoin(context, named)
            }
        }
        var build = DiscoveredBuild(name: name, context: context, dockerfile: dockerfile, target: target.target)
        build.bakeFile = target.location.file
        build.bakeTarget = target.name
        build.buildArgs = target.args
        build.inlineDockerfile = target.dockerfileInline
        for (contextName, value) in target.contexts.sorted(by: { $0.key < $1.key }) {
            let path = stripCwd(value)
            guard isLocal(path) else { continue }
            build.namedContexts[contextName] = try directoryInRoot(
                path, written: value, what: "the named context \(Excerpt.quote(contextName))", target: target.name,
                at: target.contextLocations[contextName] ?? target.location, directory: directory, root: root)
        }
        return build
    }

    /// `path` (relative to the bake files' directory, or absolute) as a directory relative to the root.
    private static func directoryInRoot(
        _ path: String, written: String, what: String, target: String, at location: BakeTarget.Location,
        directory: String, root: String
    ) throws(MonorepoError) -> String {
        let absolute =
            path.hasPrefix("/")
            ? BuildContext.lexicallyCleaned(path)
            : BuildContext.lexicallyCleaned(BuildContext.joined(BuildContext.joined(root, directory), path))
        guard BuildContext.isDirectory(absolute) else {
            throw MonorepoError(
                code: .contextNotFound, file: location.file, line: location.line,
                message:
                    "\(what) \(Excerpt.quote(written)) of bake target `\(Excerpt.bare(target))` is not a directory",
                fix: "fix the path (bake resolves it from the bake file's directory)")
        }
        guard let relative = BuildContext.relative(absolute, to: root) else {
            throw MonorepoError(
                code: .contextOutsideRoot, file: location.file, line: location.line,
                message:
                    "\(what) \(Excerpt.quote(written)) of bake target `\(Excerpt.bare(target))` lies outside the scanned root",
                fix: "run from a directory that contains it")
        }
        return relative
    }

    /// A path relative to the bake directory (or absolute) as a root-relative path, absolute when outside the root.
    private static func rootRelative(_ path: String, directory: String, root: String) -> String {
        if path.hasPrefix("/") {
            let cleaned = BuildContext.lexicallyCleaned(path)
            return BuildContext.relative(cleaned, to: root) ?? cleaned
        }
        return BuildDiscovery.relativeJoin(directory, path)
    }

    /// buildx's `cwd://` prefix: a path relative to the directory bake runs in, which it is already here.
    private static func stripCwd(_ value: String) -> String {
        value.hasPrefix("cwd://") ? String(value.dropFirst("cwd://".count)) : value
    }

    /// Whether a context value names a local directory (buildx `isLocalPath`): not `target:`, not an image, not a
    /// URL or Git reference.
    static func isLocal(_ value: String) -> Bool { !NamedBuildContext.isRemote(value) }

    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
