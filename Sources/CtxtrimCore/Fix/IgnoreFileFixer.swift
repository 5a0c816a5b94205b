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
        let analysis = try DockerfileAnalysis.load(
            context: context, target: options.target, buildArgs: options.buildArgs)

        var scanOptions = ContextScanner.Options()
        scanOptions.threads = options.threads
        scanOptions.measureExcluded = false
        scanOptions.target = options.target
        scanOptions.buildArgs = options.buildArgs
        scanOptions.git = options.git
        scanOptions.gitTimeout = options.gitTimeout
        let before = try ContextScanner(context: context, rules: userRules, options: scanOptions).scan()

        let buildFiles = Set([target.displayPath, context.dockerfileDisplayPath, ".dockerignore"])
        var plan = try FixPlanner.plan(
            report: before, analysis: analysis, strategy: options.strategy, root: context.root,
            userMatcher: userRules.matcher, buildFiles: buildFiles)
        var (updated, after) = try apply(plan, to: original, source: target.displayPath)
        if plan.folded, overReaches(plan, before: before, after: after) {
            plan = try FixPlanner.plan(
                report: before, analysis: analysis, strategy: options.strategy, root: context.root,
                userMatcher: userRules.matcher, fold: false, buildFiles: buildFiles)
            (updated, after) = try apply(plan, to: original, source: target.displayPath)
        }
        try verify(plan, analysis: analysis, before: before, after: after, userRules: userRules, updated: updated)

        // The walk after ran before the write: count the ignore file's own change when it is itself sent.
        let ownChange = try Self.ownChange(
            relativePath: context.relativePath(of: target.path) ?? (existing == nil ? target.displayPath : nil),
            original: existing, updated: updated)
        var eligibleAfter = ShrinkReport.Size(files: after.sent.files, bytes: after.sent.bytes)
        eligibleAfter.files += ownChange.files
        eligibleAfter.bytes.saturatingAdd(ownChange.bytes)
        var transferredAfter = after.build.map {
            ShrinkReport.Size(files: $0.transferred.files, bytes: $0.transferred.bytes)
        }
        if after.build?.rootSourceLine != nil {
            transferredAfter?.files += ownChange.files
            transferredAfter?.bytes.saturatingAdd(ownChange.bytes)
        }
        let shrink = ShrinkReport(
            eligibleBefore: .init(files: before.sent.files, bytes: before.sent.bytes), eligibleAfter: eligibleAfter,
            transferredBefore: before.build.map { .init(files: $0.transferred.files, bytes: $0.transferred.bytes) },
            transferredAfter: transferredAfter, rate: options.rate, patterns: plan.patternCount)
        var outcome = Outcome(
            path: target.path, displayPath: target.displayPath, created: existing == nil, original: original,
            updated: updated, plan: plan, shrink: shrink, wrote: false, diff: "")
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

    /// How the ignore file itself changes the sent context once written: its new size (and one more file when it is
    /// created), if the new rules send it. `relativePath` is its path in the context, nil when it lies outside.
    static func ownChange(relativePath: String?, original: [UInt8]?, updated: [UInt8]) throws -> ShrinkReport.Size {
        guard let relativePath, original.map({ $0 != updated }) ?? true else { return .init(files: 0, bytes: 0) }
        guard try IgnoreRules(bytes: updated, source: relativePath).matcher.sent(relativePath).sent else {
            return .init(files: 0, bytes: 0)
        }
        let wasSent = try original.map {
            try IgnoreRules(bytes: $0, source: relativePath).matcher.sent(relativePath).sent
        }
        let oldBytes = wasSent == true ? Int64(original?.count ?? 0) : 0
        return .init(files: wasSent == true ? 0 : 1, bytes: Int64(updated.count) - oldBytes)
    }

    /// The merged file and a walk of the context with it.
    private func apply(_ plan: FixPlan, to original: [UInt8], source: String) throws -> ([UInt8], ScanReport) {
        let updated = ManagedBlock.merged(original, patterns: plan.lines)
        let rules = try IgnoreRules(bytes: updated, source: source)
        var options = ContextScanner.Options()
        options.threads = self.options.threads
        options.measureExcluded = false
        options.git = false
        options.findings = false
        options.target = self.options.target
        options.buildArgs = self.options.buildArgs
        return (updated, try ContextScanner(context: context, rules: rules, options: options).scan())
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
