import ContextWalker
import DockerIgnore

/// Scans one build context: the ``ScanPipeline`` with a set of one build, walking the context itself.
package struct ContextScanner {
    /// What to compute, for one build or every build of a walk.
    package struct Options: Sendable {
        /// Entries in the largest-files and largest-directories lists.
        package var top = 10
        /// Walker threads (default: online cores).
        package var threads = WalkOptions.onlineProcessors
        /// Enter skipped excluded directories to measure what the ignore file keeps out.
        package var measureExcluded = true
        /// Profile the walk (`scan --profile`): needs `measureExcluded` and one build at the walk root, else ignored.
        package var profile = false
        /// Classify entries with git (libgit2).
        package var git = true
        /// How long git status may take before the scan goes on without git classes; nil for no limit.
        package var gitTimeout: Duration? = Options.defaultGitTimeout
        /// Run the checks (and read small files for secrets).
        package var findings = true
        /// Check ids to run; nil for all. A build's config turns off more.
        package var enabledChecks: Set<CheckID>?
        /// The config file of every build (`--config`); nil for each context's own `.ctxtrim.yml` when it exists.
        package var configPath: String?
        /// `large-file`'s threshold (`large-file-threshold` in `.ctxtrim.yml`); nil for 10 MiB.
        package var largeFileThreshold: Int64?
        /// Read the Dockerfile to compute what BuildKit transfers.
        package var dockerfile = true
        /// The stage to build (`--target`); nil for the last one. `--all` takes each build's own.
        package var target: String?
        /// `--build-arg` values for variable substitution in sources.
        package var buildArgs: [String: String] = [:]
        /// `--build-context` values: local ones are walked with their own ignore file, remote ones only reported.
        /// `--all` takes each build's own (compose `additional_contexts`, bake `contexts`) under these.
        package var namedContexts: [NamedBuildContext] = []
        /// Skip the per-entry checks below directories the checks claim whole (see `QuietDirectories`). Only a test
        /// turns it off, to prove the findings are the same either way.
        package var skipChecksInClaimedDirectories = true
        /// Estimate what `ctxtrim fix` would save (needs findings), at this rate.
        package var suggestionRate: TransferRate? = .defaultRate
        /// List the entries sent, or those kept out (`ls`); only for a scan of one build.
        package var listing: ContextListing.Mode?
        /// How `--all`'s discovery reads compose projects.
        package var compose = ComposeDiscoveryOptions()
        /// Build each report's treemap (``ScanReport/map``) for the HTML report, of at most this many nodes.
        package var mapsContext = false
        package var mapNodeBudget = ContextMap.nodeBudget
        /// Digest what each build transfers (`ctxtrim digest`): ``ScanReport/buildDigest``.
        package var digest: DigestSettings?

        package init() {}

        /// The default budget for git status: 20 seconds.
        package static let defaultGitTimeout = Duration.seconds(20)
        /// The most entries `top` may ask for; larger lists are not a summary any more.
        package static let maxTop = 10_000
    }

    package let context: BuildContext
    package let rules: IgnoreRules
    package let options: Options

    package init(context: BuildContext, rules: IgnoreRules, options: Options) {
        self.context = context
        self.rules = rules
        self.options = options
    }

    /// Reads the build's inputs and walks the context. Throws `InputError` for a Dockerfile that is not a regular
    /// file (docker build fails too), `IgnoreError` when a pattern fails at match time, `WalkError` when the root
    /// cannot be opened. When git status fails or runs out of time, the report has no git classes and a diagnostic
    /// says why.
    package func scan(progress: WalkProgress = WalkProgress()) throws -> ScanReport {
        let build = try BuildInputs.read(context: context, rules: rules, target: options.target, options: options)
        return try ScanPipeline(build: build, options: options).run(progress: progress)[0]
    }
}
