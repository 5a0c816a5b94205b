import ContextWalker

/// Scans every build of a repository with one walk of the repository root: the ``ScanPipeline`` with the set of
/// discovered builds, each reported as a scan of its own context would report it (largest directories excepted: the
/// walker's directory totals are those of all builds together).
package struct MultiContextScanner {
    /// The repository root (the directory walked).
    package let root: String
    package let builds: [DiscoveredBuild]
    /// Shared by every build; `target` is taken from each build instead.
    package let options: ContextScanner.Options
    /// How the builds were found, carried into the report.
    package let discovery: Discovery?

    package init(root: String, builds: [DiscoveredBuild], options: ContextScanner.Options) {
        self.root = root
        self.builds = builds
        self.options = options
        self.discovery = nil
    }

    /// The builds `discovery` found below `root`.
    package init(root: String, discovery: Discovery, options: ContextScanner.Options) {
        self.root = root
        self.builds = discovery.builds
        self.options = options
        self.discovery = discovery
    }

    /// Reads every build's ignore file and Dockerfile, walks the root once and reports per build.
    ///
    /// - Throws: ``MonorepoError`` when the root or a context is missing or a context lies outside the root,
    ///   `ContextError`/`IgnoreError` for a build's unreadable or invalid ignore file, `WalkError` when the root
    ///   cannot be opened, `ConfigError` for a build's invalid config file. A build whose git status fails or runs
    ///   out of time has no git classes and a diagnostic. Each build runs the checks its own config leaves on.
    package func scan(progress: WalkProgress = WalkProgress()) throws -> MultiScanReport {
        let clock = ContinuousClock()
        let started = clock.now
        guard let realRoot = BuildContext.realPath(root), BuildContext.isDirectory(realRoot) else {
            throw MonorepoError(
                code: .rootNotFound, file: root, message: "repository root '\(root)' is not a directory",
                fix: "pass the directory that holds the builds")
        }
        var gitCache: [String: GitCapture] = [:]
        var repository = RepositoryStatus(root: realRoot, enabled: options.git, timeout: options.gitTimeout)
        let inputs = try builds.map { build in
            try read(build, root: realRoot, gitCache: &gitCache, repository: &repository)
        }
        let reports = try ScanPipeline(walkRoot: realRoot, builds: inputs, options: options).run(progress: progress)
        let seconds = ScanPipeline.seconds(clock.now - started)
        var scans: [BuildScan] = []
        for ((build, input), report) in zip(zip(builds, inputs), reports) {
            var report = report
            report.walkSeconds = seconds
            let declared = DeclarationFindings.findings(
                of: build, enabled: input.config.enabledChecks(within: options.enabledChecks))
            if options.findings, !declared.isEmpty {
                report.findings = FindingOrder.sorted(report.findings + (try input.config.graded(declared)))
            }
            scans.append(BuildScan(build: build, context: input.context, config: input.config, report: report))
        }
        return MultiScanReport(builds: scans, walkSeconds: seconds, discovery: discovery, root: realRoot)
    }

    private func read(
        _ build: DiscoveredBuild, root: String, gitCache: inout [String: GitCapture],
        repository: inout RepositoryStatus
    ) throws -> BuildInputs {
        let contextPath = BuildContext.joined(root, build.context)
        let dockerfilePath =
            build.dockerfile.hasPrefix("/") ? build.dockerfile : BuildContext.joined(root, build.dockerfile)
        let context = try BuildContext.resolve(
            context: contextPath, dockerfile: dockerfilePath, ignoreFileOverride: nil, discoveryRoot: root)
        guard BuildContext.relative(context.root, to: root) != nil else {
            throw MonorepoError(
                code: .contextOutsideRoot, file: build.composeFile ?? build.dockerfile,
                message: "the build context '\(build.context)' lies outside '\(self.root)'",
                fix: "scan a directory that contains it")
        }
        // The declaration's build arguments and named contexts, under the `--build-arg` and `--build-context`
        // values given on the command line; the declaration's directories are relative to the repository root.
        var options = options
        options.buildArgs = build.buildArgs.merging(options.buildArgs) { _, given in given }
        let given = Set(options.namedContexts.map(\.name))
        let declared = build.namedContexts.filter { !given.contains($0.key) }.sorted { $0.key < $1.key }.map {
            NamedBuildContext(name: $0.key, value: .local(path: $0.value))
        }
        // A directory typed on the command line is relative to the current directory: shown from the root too.
        let typed = options.namedContexts.map { named in
            guard let path = named.localPath, let real = BuildContext.realPath(BuildContext.absolute(path)) else {
                return named
            }
            return NamedBuildContext(
                name: named.name, value: .local(path: BuildContext.relativeDisplay(of: real, from: root)))
        }
        options.namedContexts = (declared + typed).sorted { $0.name < $1.name }
        if options.git, gitCache[context.root] == nil, let shared = repository.status(of: context.root) {
            gitCache[context.root] = GitCapture(snapshot: shared)
        }
        return try BuildInputs.read(
            context: context, rules: nil, target: build.target, options: options, displayRoot: build.context,
            unreadableDockerfile: .recorded, gitCache: &gitCache, inlineDockerfile: build.inlineDockerfile,
            namedContextBase: root, declared: build.composeFile != nil || build.bakeFile != nil)
    }
}
