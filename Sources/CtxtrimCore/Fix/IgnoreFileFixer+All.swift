extension IgnoreFileFixer {
    /// What `fix --all` did for one ignore file: the outcome, or why that file was left alone.
    package struct FileResult {
        /// The ignore file, relative to the repository root.
        package var ignoreFile: String
        package var outcome: Result<Outcome, any Error>
    }

    /// `fix --all`: finds every build under `root` once, groups them by the ignore file they read, and fixes each
    /// file for all its builds (the first, by context then Dockerfile, is planned; the others are protected). Each
    /// file walks its context on its own: one plan walk and its proof walks per ignore file. A file that cannot be
    /// fixed safely is reported and left as it is; the others are still fixed.
    ///
    /// - Throws: `MonorepoError` when the discovery fails (a malformed compose file); nothing is written then.
    package static func runAll(root: String, options: Options) throws -> [FileResult] {
        guard let realRoot = BuildContext.realPath(root) else {
            throw MonorepoError(
                code: .rootNotFound, file: root, message: "repository root '\(root)' is not a directory",
                fix: "pass the directory that holds the builds")
        }
        let builds = try BuildDiscovery.discover(
            root: realRoot, configPath: options.configPath, threads: options.threads, compose: options.compose)
        var groups: [String: (display: String, build: DiscoveredBuild, context: BuildContext)] = [:]
        var order: [String] = []
        var failures: [FileResult] = []
        for build in builds {
            let directory = build.context == "." ? realRoot : BuildContext.joined(realRoot, build.context)
            let dockerfile =
                build.dockerfile.hasPrefix("/") ? build.dockerfile : BuildContext.joined(realRoot, build.dockerfile)
            let context: BuildContext
            do {
                context = try BuildContext.resolve(
                    context: directory, dockerfile: dockerfile, ignoreFileOverride: nil, discoveryRoot: realRoot)
            } catch {
                failures.append(FileResult(ignoreFile: build.dockerfile, outcome: .failure(error)))
                continue
            }
            let reads = context.ignoreFile?.path ?? BuildContext.joined(context.root, ".dockerignore")
            let key = BuildContext.realPath(reads) ?? reads
            guard groups[key] == nil else { continue }
            groups[key] = (BuildContext.relative(key, to: realRoot) ?? key, build, context)
            order.append(key)
        }
        var results = failures
        for key in order {
            guard let group = groups[key] else { continue }
            var own = options
            own.target = group.build.target
            own.findSharingBuilds = true
            own.discoveryRoot = realRoot
            own.discovered = builds
            let outcome = Result { try IgnoreFileFixer(context: group.context, options: own).run() }
            results.append(FileResult(ignoreFile: group.display, outcome: outcome))
        }
        return results.sorted { $0.ignoreFile < $1.ignoreFile }
    }
}
