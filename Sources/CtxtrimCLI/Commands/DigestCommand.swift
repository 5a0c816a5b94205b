import ArgumentParser
import ContextWalker
import CtxtrimCore
import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// `ctxtrim digest`: one fingerprint of everything the build transfers and reads, to skip a rebuild when it is
/// unchanged.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print sha256:… of exactly what the build transfers and reads, to skip a rebuild when it is equal.",
        discussion: """
            The digest covers the paths, types, permission bits, symlink targets and contents of what the target's \
            stages COPY, ADD or bind-mount (the whole sent context for COPY . .), in every local named context too, \
            plus the Dockerfile, the ignore file, --target and --build-arg. Never mtimes or owners: it is equal on \
            two checkouts of the same commit. docs/digest.md gives the encoding. Unchanged files are not read again: \
            their content digests are cached by device, inode, size, mtime and ctime in --cache-dir.
            """)

    @OptionGroup var contextOptions: ContextOptions

    @Option(
        help: "text (the digest alone; with --all, one 'DIGEST  NAME' line a build) or json (per context and source).")
    var format: Format<DigestOutput> = .text

    @OptionGroup var buildOptions: BuildOptions

    @OptionGroup var buildContextOptions: BuildContextOptions

    @Option(help: "Where the content-digest cache is kept (default: $XDG_CACHE_HOME/ctxtrim or ~/.cache/ctxtrim).")
    var cacheDir: String?

    @Flag(name: .customLong("no-cache"), help: "Read every transferred file; neither read nor write the cache.")
    var noCache = false

    @OptionGroup var threadOptions: ThreadOptions

    @Flag(help: "Find every build under CONTEXT (Dockerfiles, compose services, bake targets) and digest each.")
    var all = false

    @OptionGroup var composeOptions: ComposeOptions

    func validate() throws {
        if all && (contextOptions.dockerfile != nil || contextOptions.ignoreFile != nil) {
            throw ValidationError("--all finds each build's Dockerfile and ignore file; drop --file and --ignore-file")
        }
        if all && buildOptions.target != nil {
            throw ValidationError("--all digests each build's own target; drop --target")
        }
        if !all && composeOptions.isSet { throw ValidationError(ComposeOptions.needsAll) }
        if noCache && cacheDir != nil { throw ValidationError("--no-cache keeps no cache; drop --cache-dir") }
    }

    func run() throws {
        try reportingErrors {
            var options = ContextScanner.Options()
            options.threads = threadOptions.threads
            options.target = buildOptions.target
            options.buildArgs = buildOptions.arguments
            options.namedContexts = try buildContextOptions.parsed()
            options.git = false
            options.findings = false
            options.measureExcluded = false
            options.suggestionRate = nil
            options.top = 0
            options.compose = composeOptions.discovery
            let outcome: DigestOutcome
            let progress = WalkProgress()
            let line = ProgressLine(progress: progress, enabled: Console.standardError.isTerminal)
            if all {
                let discovery = try BuildDiscovery.run(
                    root: contextOptions.context, configPath: nil, threads: threadOptions.threads,
                    compose: composeOptions.discovery)
                var settings = DigestSettings(cache: cache(root: contextOptions.context))
                settings.recordsFailures = true
                options.digest = settings
                let report: MultiScanReport
                do {
                    defer { line.finish() }
                    report = try MultiContextScanner(
                        root: contextOptions.context, discovery: discovery, options: options
                    ).scan(progress: progress)
                }
                outcome = DigestOutcome(reports: report.builds.map { ($0.build.name, $0.report) }, all: true)
                warnCacheProblem(report.builds.first?.report)
            } else {
                let context = try contextOptions.resolve()
                options.digest = DigestSettings(cache: cache(root: context.root))
                let rules = try IgnoreRules.load(for: context)
                let report: ScanReport
                do {
                    defer { line.finish() }
                    report = try ContextScanner(context: context, rules: rules, options: options)
                        .scan(progress: progress)
                }
                outcome = DigestOutcome(reports: [(nil, report)], all: false)
                warnCacheProblem(report)
            }
            let rendering = format.reporter.render(
                .digest(outcome), options: RenderOptions(toolVersion: CtxtrimCommand.version))
            Console.show(rendering)
            if outcome.builds.contains(where: { $0.digest == nil }) {
                throw ExitStatus.runtimeError
            }
        }
    }

    /// The cache of the tree at `root`, in `--cache-dir` or the user's cache directory; none with `--no-cache` or
    /// without a home directory.
    private func cache(root: String) -> DigestCache {
        guard !noCache, let directory = cacheDir ?? Self.defaultCacheDirectory,
            let realRoot = BuildContext.realPath(root)
        else { return .none }
        return DigestCache.load(directory: directory, root: realRoot)
    }

    private static var defaultCacheDirectory: String? {
        if let base = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), base.hasPrefix("/") {
            return base + "/ctxtrim"
        }
        if let home = getenv("HOME").map({ String(cString: $0) }), home.hasPrefix("/") {
            return home + "/.cache/ctxtrim"
        }
        return nil
    }

    private func warnCacheProblem(_ report: ScanReport?) {
        guard let problem = report?.digestCacheProblem else { return }
        Console.standardError.line("ctxtrim: warning: " + TerminalText.escape(problem.description))
        Console.standardError.flush()
    }
}
