import ContextWalker
import UntrustedText

/// `ctxtrim fix`: plans the block from a scan with the user's own lines, proves it safe with a second walk, and
/// writes it (or shows the diff).
package struct IgnoreFileFixer {
    /// What to do.
    package struct Options: Sendable {
        package var strategy: FixStrategy = .deny
        package var target: String?
        package var buildArgs: [String: String] = [:]
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
        /// `--dry-run`: the unified diff of the change ("" when there is none).
        package var diff: String

        package var changed: Bool { original != updated }
    }

    package let context: BuildContext
    package let options: Options

    package init(context: BuildContext, options: Options) {
        self.context = context
        self.options = options
    }

    /// Plans, verifies and (unless `dryRun`) writes. Throws `FixError` when the result would not be safe (nothing is
    /// written), `DockerfileError` for a Dockerfile that cannot be read, `IgnoreError` for an invalid ignore file.
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
        // Read once: the plan, the walk before and the proof walk after all use these inputs.
        var scanOptions = ContextScanner.Options()
        scanOptions.threads = options.threads
        scanOptions.measureExcluded = false
        scanOptions.target = options.target
        scanOptions.buildArgs = options.buildArgs
        scanOptions.git = options.git
        scanOptions.gitTimeout = options.gitTimeout
        scanOptions.configPath = options.configPath
        scanOptions.suggestionRate = nil
        var build = try BuildInputs.read(
            context: context, rules: userRules, target: options.target, options: scanOptions)
        // The plan must know what the Dockerfile reads; without that nothing is safe to exclude.
        if let failure = build.dockerfileFailure { throw failure }
        let before = try ScanPipeline(build: build, options: scanOptions).run()[0]
        build.git = nil

        let ignoreFile = context.relativePath(of: target.path) ?? (existing == nil ? target.displayPath : nil)
        var proposal = try FixProposal.make(
            report: before, build: build, original: existing, ignoreFile: ignoreFile, strategy: options.strategy,
            rate: options.rate)
        var after = try proofWalk(proposal, build: build, source: target.displayPath)
        if proposal.plan.folded, overReaches(proposal.plan, before: before, after: after) {
            proposal = try FixProposal.make(
                report: before, build: build, original: existing, ignoreFile: ignoreFile,
                strategy: options.strategy, fold: false, rate: options.rate)
            after = try proofWalk(proposal, build: build, source: target.displayPath)
        }
        try verify(
            proposal.plan, analysis: build.analysis, before: before, after: after, userRules: userRules,
            updated: proposal.updated)
        proposal = try proposal.proven(by: after, ignoreFile: ignoreFile)

        let updated = proposal.updated
        var outcome = Outcome(
            path: target.path, displayPath: target.displayPath, created: existing == nil, original: original,
            updated: updated, plan: proposal.plan, shrink: proposal.shrink, wrote: false, diff: "")
        if options.dryRun {
            // Paths inside the context get git's a/ and b/ prefixes; an ignore file elsewhere is named as it is.
            let inside = !target.displayPath.hasPrefix("/")
            outcome.diff = UnifiedDiff.render(
                old: LosslessUTF8.decode(original), new: LosslessUTF8.decode(updated),
                oldName: existing == nil ? "/dev/null" : (inside ? "a/" : "") + target.displayPath,
                newName: (inside ? "b/" : "") + target.displayPath)
        } else if outcome.changed {
            try AtomicFile.write(updated, to: writePath)
            outcome.wrote = true
        }
        return outcome
    }

    /// A walk of the context under the proposed ignore file, before anything is written: no git, no checks.
    private func proofWalk(_ proposal: FixProposal, build: BuildInputs, source: String) throws -> ScanReport {
        let rules = try IgnoreRules(bytes: proposal.updated, source: source)
        var options = ContextScanner.Options()
        options.threads = self.options.threads
        options.measureExcluded = false
        options.git = false
        options.findings = false
        options.suggestionRate = nil
        return try ScanPipeline(build: build.with(rules: rules), options: options).run()[0]
    }

    /// Whether the new file keeps out more than the plan meant to (a `**/name` pattern caught other entries).
    private func overReaches(_ plan: FixPlan, before: ScanReport, after: ScanReport) -> Bool {
        guard plan.strategy == .deny else { return false }
        return before.sent.files - after.sent.files > plan.plannedFiles
            || before.sent.bytes - after.sent.bytes > plan.plannedBytes
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
