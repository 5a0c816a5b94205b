import ContextWalker
import UntrustedText

/// `ctxtrim fix`: plans the block from a scan with the user's own lines, proves it safe with a second walk, and
/// writes it (or shows the diff).
package struct IgnoreFileFixer {
    /// What to do.
    package struct Options: Sendable {
        package var strategy: FixStrategy = .default
        /// Exclude a tracked file holding a credential instead of reporting it (`--exclude-tracked-secrets`).
        package var excludeTrackedSecrets = false
        package var target: String?
        package var buildArgs: [String: String] = [:]
        /// `--build-context` values: their sources are never the context's, so they never constrain the plan.
        package var namedContexts: [NamedBuildContext] = []
        package var rate: TransferRate = .defaultRate
        package var dryRun = false
        /// Replace a read-only ignore file (keeping its mode).
        package var force = false
        package var threads = 2
        /// Classify files with git (git-ignored files are candidates), within this budget (nil: no limit).
        package var git = true
        package var gitTimeout: Duration? = ContextScanner.Options.defaultGitTimeout
        /// The config file (`--config`); nil for the context's own `.ctxtrim.yml` when it exists. Checks it turns
        /// off and paths it suppresses are not excluded, as `scan` and `check` do not report them.
        package var configPath: String?
        /// `--check`: compute the change, write nothing (the CLI exits 1 when the file is stale).
        package var check = false
        /// Find the other builds that read the same ignore file (by `--all`'s discovery) and protect what they read.
        package var findSharingBuilds = true
        /// Where that discovery walks from; nil for the git work tree holding the context, else the context.
        package var discoveryRoot: String?
        /// The builds already found under `discoveryRoot` (`fix --all`), so that the discovery runs once.
        package var discovered: [DiscoveredBuild]?
        /// How that discovery reads compose projects.
        package var compose = ComposeDiscoveryOptions()

        package init() {}
    }

    /// What `fix` did or would do.
    package struct Outcome: Sendable {
        /// The ignore file written (or that would be), absolute, and as displayed.
        package var path: String
        package var displayPath: String
        package var created: Bool
        package var original: [UInt8]
        package var updated: [UInt8]
        package var plan: FixPlan
        package var shrink: ShrinkReport
        package var wrote: Bool
        /// The unified diff of the change when nothing was written (`--dry-run`, `--check`); "" when there is none.
        package var diff: String
        /// The other builds that read this ignore file, as the report names them.
        package var sharedWith: [String] = []
        /// `--check`: the diff is shown and nothing is written.
        package var checked = false
        /// When the builds sharing the ignore file need different things: the build's own
        /// `<Dockerfile>.dockerignore` that would let it keep out more, and why.
        package var ownIgnoreFile: String?

        package var changed: Bool { original != updated }
    }

    package let context: BuildContext
    package let options: Options

    package init(context: BuildContext, options: Options) {
        self.context = context
        self.options = options
    }

    /// Plans, verifies and (unless `dryRun`) writes, then walks again under the file as written and puts the original
    /// back if a build would lose a source. Throws `FixError` when the result would not be safe (nothing is
    /// written, or the write is rolled back), `DockerfileError` for a Dockerfile that cannot be read (this build's, or
    /// `FixError.sharedBuildUnreadable` for another build reading the same ignore file), `IgnoreError` for an
    /// invalid ignore file.
    package func run() throws -> Outcome {
        let target =
            context.ignoreFile
            ?? BuildContext.IgnoreFileChoice(
                path: BuildContext.joined(context.root, ".dockerignore"), displayPath: ".dockerignore",
                origin: .context,
                inputOrigin: .tree(root: context.root))
        // Before anything is read: a link out of the context, a FIFO or a read-only file is refused here.
        let writePath = try IgnoreFileTarget.resolve(
            target.path, root: context.root,
            trusted: target.origin == .override || !IgnoreFileTarget.liesInContext(target.path, context: context),
            force: options.force, shownAs: target.displayPath)
        let existing = try InputFile.read(target.path, kind: .ignoreFile, origin: target.inputOrigin)
        let original = existing ?? []
        let userRules = try IgnoreRules(bytes: ManagedBlock.userBytes(original), source: target.displayPath)
        // Read once: the plan, the walk before and the proof walks all use these inputs.
        var scanOptions = ContextScanner.Options()
        scanOptions.threads = options.threads
        scanOptions.measureExcluded = false
        scanOptions.target = options.target
        scanOptions.buildArgs = options.buildArgs
        scanOptions.namedContexts = options.namedContexts
        scanOptions.git = options.git
        scanOptions.gitTimeout = options.gitTimeout
        scanOptions.configPath = options.configPath
        scanOptions.compose = options.compose
        scanOptions.suggestionRate = nil
        var gitCache: [String: GitCapture] = [:]
        var build = try BuildInputs.read(
            context: context, rules: userRules, target: options.target, options: scanOptions, displayRoot: nil,
            unreadableDockerfile: .fails, gitCache: &gitCache)
        // The plan must know what the Dockerfile reads; without that nothing is safe to exclude.
        if let failure = build.dockerfileFailure { throw failure }
        // fix writes this context's ignore file only: the Dockerfile's analysis already keeps what it reads from a
        // named context out of the plan, so the named contexts need no walk of their own here.
        build.namedContexts = []
        // An ignore file named with --ignore-file is this command's choice: no other build is known to read it.
        var sharing: [SharingBuild] = []
        if options.findSharingBuilds, target.origin != .override {
            var sharedOptions = scanOptions
            sharedOptions.findings = false
            sharedOptions.git = false
            // `--build-context` belongs to this build: another Dockerfile is proven with its stages as written.
            sharedOptions.namedContexts = []
            sharing = try SharingBuild.find(
                sharing: target.path, with: context, targetStage: options.target,
                root: options.discoveryRoot ?? SharingBuild.discoveryRoot(for: context),
                discovered: options.discovered, rules: userRules, options: sharedOptions, gitCache: &gitCache)
        }
        let before = try ScanPipeline(build: build, options: scanOptions).run()[0]
        build.git = nil
        let proof = FixProof(
            builds: [(name: "the Dockerfile", inputs: build)] + sharing.map { ($0.description, $0.inputs) },
            threads: options.threads, source: target.displayPath)
        // What every build sends under the user's own lines, as the plan saw it: the baseline of the proof.
        let baseline = sharing.isEmpty ? nil : try proof.walk(rules: userRules)

        let ignoreFile = context.relativePath(of: target.path) ?? (existing == nil ? target.displayPath : nil)
        let shared = sharing.compactMap(\.inputs.analysis)
        var proposal = try FixProposal.make(
            report: before, build: build, sharedWith: shared, original: existing, ignoreFile: ignoreFile,
            strategy: options.strategy, excludeTrackedSecrets: options.excludeTrackedSecrets, rate: options.rate)
        // One walk under the proposed file, before anything is written, for this build and every sharing one.
        var afterAll = try proof.walk(rules: IgnoreRules(bytes: proposal.updated, source: target.displayPath))
        if proposal.plan.folded, overReaches(proposal.plan, before: before, after: afterAll[0]) {
            proposal = try FixProposal.make(
                report: before, build: build, sharedWith: shared, original: existing, ignoreFile: ignoreFile,
                strategy: options.strategy, excludeTrackedSecrets: options.excludeTrackedSecrets, fold: false,
                rate: options.rate)
            afterAll = try proof.walk(rules: IgnoreRules(bytes: proposal.updated, source: target.displayPath))
        }
        let after = afterAll[0]
        try verify(
            proposal.plan, analysis: build.analysis, before: before, after: after, userRules: userRules,
            updated: proposal.updated)
        let newRules = try IgnoreRules(bytes: proposal.updated, source: target.displayPath)
        if let baseline {
            try proof.check(
                before: baseline, after: afterAll, old: userRules, new: newRules,
                outcome: "nothing was written")
        }
        proposal = try proposal.proven(by: after, ignoreFile: ignoreFile)

        let updated = proposal.updated
        var outcome = Outcome(
            path: target.path, displayPath: target.displayPath, created: existing == nil, original: original,
            updated: updated, plan: proposal.plan, shrink: proposal.shrink, wrote: false, diff: "",
            sharedWith: sharing.map(\.description), checked: options.check)
        outcome.ownIgnoreFile = try Self.ownIgnoreFileAdvice(
            report: before, build: build, sharing: sharing, shared: proposal.plan, options: options)
        if options.dryRun || options.check || !outcome.changed {
            // Paths inside the context get git's a/ and b/ prefixes; an ignore file elsewhere is named as it is.
            let inside = !target.displayPath.hasPrefix("/")
            outcome.diff = UnifiedDiff.render(
                old: LosslessUTF8.decode(original), new: LosslessUTF8.decode(updated),
                oldName: existing == nil ? "/dev/null" : (inside ? "a/" : "") + target.displayPath,
                newName: (inside ? "b/" : "") + target.displayPath)
        } else {
            try AtomicFile.write(updated, to: writePath)
            outcome.wrote = true
            try proveWritten(
                expected: updated, original: existing, writePath: writePath, target: target, proof: proof,
                baseline: baseline ?? [before], old: userRules)
        }
        return outcome
    }

    /// After the write: reads the ignore file back and walks every build under it. If the bytes are not the ones
    /// written or a build would lose a source, the original is restored and `FixError.rolledBack` says why.
    private func proveWritten(
        expected: [UInt8], original: [UInt8]?, writePath: String, target: BuildContext.IgnoreFileChoice,
        proof: FixProof, baseline: [ScanReport], old: IgnoreRules
    ) throws {
        let outcome = "the original ignore file was restored"
        do {
            let written = try InputFile.read(target.path, kind: .ignoreFile, origin: target.inputOrigin)
            guard written == expected else {
                throw FixError(
                    code: .rolledBack,
                    message: """
                        \(target.displayPath) changed while fix wrote it (another process?); \(outcome)
                        """,
                    fix: "run fix again once nothing else writes the file")
            }
            let rules = try IgnoreRules(bytes: expected, source: target.displayPath)
            let after = try proof.walk(rules: rules)
            try proof.check(before: baseline, after: after, old: old, new: rules, outcome: outcome)
        } catch let error as FixError {
            try FixProof.restore(original, at: writePath)
            throw error.code == .rolledBack
                ? error : FixError(code: .rolledBack, message: error.message, fix: error.fix)
        } catch {
            try FixProof.restore(original, at: writePath)
            throw error
        }
    }

    /// Whether the new file keeps out more than the plan meant to (a `**/name` pattern caught other entries).
    private func overReaches(_ plan: FixPlan, before: ScanReport, after: ScanReport) -> Bool {
        guard plan.strategy == .deny else { return false }
        return before.sent.files - after.sent.files > plan.plannedFiles
            || before.sent.bytes - after.sent.bytes > plan.plannedBytes
    }

    /// Where a sharing build copies the whole context but this build names its sources, the shared file cannot be an
    /// allow list for it: the advice to give this build an ignore file of its own, with what that file would be.
    static func ownIgnoreFileAdvice(
        report: ScanReport, build: BuildInputs, sharing: [SharingBuild], shared: FixPlan, options: Options
    ) throws -> String? {
        guard let analysis = build.analysis, !analysis.referencesEverything, shared.strategy != .allow,
            let wide = sharing.first(where: { $0.inputs.analysis?.referencesEverything == true })
        else { return nil }
        let alone = try FixPlanner.plan(
            report: report, analysis: analysis, strategy: .allow, userMatcher: build.rules.matcher)
        guard !alone.allowed.isEmpty else { return nil }
        let own = build.context.dockerfileDisplayPath + ".dockerignore"
        return """
            the builds reading this ignore file need different things: \(wide.description) copies the whole \
            context, so the shared file must send all it reads; `\(own)`, which BuildKit reads for this \
            Dockerfile instead, could send only this build's sources with an allow list of \
            \(alone.allowed.count + 1) lines: `*` and \
            \(alone.allowed.prefix(3).map { "`!\($0)`" }.joined(separator: ", "))\(alone.allowed.count > 3 ? ", ..." : "")
            """
    }

    /// The safety proof: every file an explicit source reads is still sent, every literal source path is still in
    /// the context, and nothing beyond the planned entries disappeared.
    private func verify(
        _ plan: FixPlan, analysis: DockerfileAnalysis?, before: ScanReport, after: ScanReport, userRules: IgnoreRules,
        updated: [UInt8]
    ) throws {
        if let beforeBuild = before.build, let afterBuild = after.build, beforeBuild.error == nil {
            if afterBuild.explicitFiles != beforeBuild.explicitFiles {
                let lost = beforeBuild.explicitFiles.files - afterBuild.explicitFiles.files
                throw FixError(
                    code: .unsafe,
                    message: """
                        the generated ignore file would drop \(lost) file(s) that the Dockerfile's sources read \
                        (\(ByteCount.format(beforeBuild.explicitFiles.bytes - afterBuild.explicitFiles.bytes))); \
                        nothing was written
                        """,
                    fix: "report this with the Dockerfile; meanwhile edit the ignore file by hand")
            }
        }
        if let analysis {
            let newRules = try IgnoreRules(bytes: updated, source: "(generated)")
            for source in analysis.explicitSources where !source.isWildcard {
                let wasIn = !(try userRules.matcher.excluded(source.pattern).excluded)
                let isIn = !(try newRules.matcher.excluded(source.pattern).excluded)
                if wasIn && !isIn {
                    throw FixError(
                        code: .unsafe,
                        message: """
                            the generated ignore file would exclude `\(source.pattern)`, which the Dockerfile reads \
                            (line \(source.line)); nothing was written
                            """,
                        fix: "report this with the Dockerfile; meanwhile edit the ignore file by hand")
                }
            }
        }
        if overReaches(plan, before: before, after: after) {
            throw FixError(
                code: .unsafe,
                message: """
                    the generated ignore file would keep out \(before.sent.files - after.sent.files) files where \
                    \(plan.plannedFiles) were planned; nothing was written
                    """,
                fix: "report this with the Dockerfile; meanwhile edit the ignore file by hand")
        }
    }
}
