import ContextWalker
import DockerIgnore
import GitClassifier

/// Walks a build context once and produces the scan report: BuildKit's decision for every entry, git classes and
/// findings.
package struct ContextScanner {
    /// What to compute.
    package struct Options: Sendable {
        /// Entries in the largest-files and largest-directories lists.
        package var top = 10
        /// Walker threads (default: online cores).
        package var threads = WalkOptions.onlineProcessors
        /// Enter skipped excluded directories to measure what the ignore file keeps out.
        package var measureExcluded = true
        /// Classify entries with git (libgit2).
        package var git = true
        /// How long git status may take before the scan goes on without git classes; nil for no limit.
        package var gitTimeout: Duration? = Options.defaultGitTimeout
        /// Run the checks (and read small files for secrets).
        package var findings = true
        /// Check ids to run; nil for all.
        package var enabledChecks: Set<CheckID>?
        /// Read the Dockerfile to compute what BuildKit transfers.
        package var dockerfile = true
        /// The stage to build (`--target`); nil for the last one.
        package var target: String?
        /// `--build-arg` values for variable substitution in sources.
        package var buildArgs: [String: String] = [:]
        /// Skip the per-entry checks below directories the checks claim whole (see `QuietDirectories`). Only a test
        /// turns it off, to prove the findings are the same either way.
        package var skipChecksInClaimedDirectories = true
        /// Estimate what `ctxtrim fix` would save (needs findings), at this rate.
        package var suggestionRate: TransferRate? = .defaultRate

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

    /// Walks the context. Throws `IgnoreError` when a pattern fails at match time (BuildKit would fail the build),
    /// `WalkError` when the root cannot be opened. When git status fails or runs out of time, the report has no git
    /// classes and a diagnostic says why.
    package func scan(progress: WalkProgress = WalkProgress()) throws -> ScanReport {
        let clock = ContinuousClock()
        let started = clock.now
        let git =
            options.git
            ? GitCapture.capture(directory: context.root, displayPath: ".", timeout: options.gitTimeout) : nil
        let snapshot = git?.snapshot
        let top = min(max(0, options.top), Options.maxTop)
        var analysis: DockerfileAnalysis?
        var dockerfileError: String?
        if options.dockerfile {
            do {
                analysis = try DockerfileAnalysis.load(
                    context: context, target: options.target, buildArgs: options.buildArgs)
            } catch let error as InputError {
                // Not a Dockerfile at all (a FIFO, a device, a link out of the context): docker build fails too.
                throw error
            } catch {
                dockerfileError = "\(error)"
            }
        }
        let filter = ContextFilter(
            matcher: rules.matcher, git: snapshot, transferMatcher: analysis?.transferMatcher,
            quietDirectories: options.findings && options.skipChecksInClaimedDirectories
                ? QuietDirectories(enabledIDs: options.enabledChecks, git: snapshot) : nil)
        var setup = ScanVisitor.Setup(
            rootLength: context.root.utf8.count, top: top, runChecks: options.findings,
            enabledChecks: options.enabledChecks,
            git: snapshot)
        setup.ignoreFile = context.ignoreFile == nil ? nil : rules.file
        if let analysis, analysis.referencesEverything {
            setup.explicitSourceMatcher = try DockerfileAnalysis.matcher(for: analysis.explicitSources.map(\.pattern))
        }
        let walker = ContextWalker(
            root: context.root,
            options: WalkOptions(threads: options.threads, measureExcluded: options.measureExcluded),
            progress: progress)
        let fixedSetup = setup
        let result = try Self.unwrapping {
            try walker.walk(filter: filter, makeVisitor: { ScanVisitor(setup: fixedSetup) })
        }
        var report = ScanReport(context: contextInfo)
        report.walkSeconds = Self.seconds(clock.now - started)
        report.threads = options.threads
        fill(&report, from: result, snapshot: snapshot, top: top, gitClasses: git?.diagnostic == nil)
        if let diagnostic = git?.diagnostic { report.diagnostics.insert(diagnostic, at: 0) }
        if options.findings {
            report.findings = ReportAssembly.withLint(
                report.findings, context: context,
                ignoreFile: .init(
                    file: setup.ignoreFile, ruleUsage: result.visitor.ruleUsage, nestedNames: result.visitor.nestedNames
                ),
                analysis: analysis, enabledIDs: options.enabledChecks)
        }
        report.findings = Self.anchored(report.findings, context: context, analysis: analysis, snapshot: snapshot)
        if let analysis {
            let visitor = result.visitor
            report.build = ReportAssembly.buildUsage(
                analysis, transferred: visitor.transferred, explicitFiles: visitor.explicitFiles,
                copyAllOnly: visitor.copyAllOnly, top: top)
        } else if let dockerfileError {
            report.build = ScanReport.BuildUsage(target: options.target ?? "", sources: 0, error: dockerfileError)
        }
        if let rate = options.suggestionRate, options.findings, dockerfileError == nil {
            report.shrink = Self.suggestion(
                for: report, analysis: analysis, root: context.root, rules: rules,
                ignoreFile: context.ignoreFile.map { context.relativePath(of: $0.path) } ?? ".dockerignore", rate: rate)
        }
        return report
    }

    /// The context part of the report, with paths as the user sees them.
    package var contextInfo: ScanReport.ContextInfo {
        ScanReport.ContextInfo(
            root: context.displayRoot, dockerfile: context.dockerfileDisplayPath,
            dockerfileExists: context.dockerfileExists,
            ignoreFile: context.ignoreFile?.displayPath, ignoreFileOrigin: context.ignoreFile?.origin.rawValue,
            patterns: rules.file.rules.count, shadowedIgnoreFile: context.shadowedIgnoreFile)
    }

    private func fill(
        _ report: inout ScanReport, from result: WalkResult<ScanVisitor>, snapshot: GitStatusSnapshot?, top: Int,
        gitClasses: Bool
    ) {
        let totals = result.totals
        let visitor = result.visitor
        report.sent = .init(
            files: totals.sentFiles, directories: totals.sentDirectories, symlinks: totals.sentSymlinks,
            others: totals.sentOther, bytes: totals.sentBytes)
        report.excluded = .init(
            files: totals.excludedFiles, directories: totals.excludedDirectories, bytes: totals.excludedBytes)
        report.excludedMeasured = options.measureExcluded
        report.ignoredEntries = visitor.outermostIgnored.sorted { $0.path < $1.path }
        report.topLevelEntries = visitor.topLevelEntries.sorted { $0.path < $1.path }
        report.skippedDirectories = visitor.skippedDirectories
        report.largestFiles = visitor.largestFiles.sorted
        report.largestDirectories = Self.responsibleDirectories(visitor.largestDirectories.sorted, limit: top)
        report.extensions = visitor.extensions
            .map { ScanReport.ExtensionUsage(name: $0.key, files: $0.value.files, bytes: $0.value.bytes) }
            .sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.name < $1.name }
            .prefix(top).map { $0 }
        report.diagnostics = visitor.diagnostics
            .map { ScanReport.Diagnostic(kind: $0.kind.rawValue, path: $0.pathString, message: ScanVisitor.reason($0)) }
            .sorted { ($0.path, $0.kind) < ($1.path, $1.kind) }
        if options.git && gitClasses {
            var usage = ReportAssembly.gitUsage(snapshot: snapshot, classes: visitor.gitClasses)
            usage.largestIgnored = Self.outermost(visitor.largestIgnored.sorted, limit: top)
            report.git = usage
        }
        if var checks = visitor.checks {
            for candidate in visitor.directoryCandidates.sorted(by: { $0.path < $1.path }) {
                checks.finishDirectory(candidate)
            }
            report.findings = checks.finish()
        }
    }

    /// What `ctxtrim fix` (deny strategy) would save, from this walk alone: its patterns name exactly the entries it
    /// plans to keep out, so the sizes after are the sizes before less those entries.
    static func suggestion(
        for report: ScanReport, analysis: DockerfileAnalysis?, root: String, rules: IgnoreRules, ignoreFile: String?,
        rate: TransferRate
    ) -> ShrinkReport? {
        let buildFiles = Set([report.context.ignoreFile ?? ".dockerignore", report.context.dockerfile, ".dockerignore"])
        guard
            let plan = try? FixPlanner.plan(
                report: report, analysis: analysis, strategy: .deny, root: root, userMatcher: rules.matcher,
                buildFiles: buildFiles),
            plan.patternCount > 0
        else { return nil }
        let before = ShrinkReport.Size(files: report.sent.files, bytes: report.sent.bytes)
        // The plan's patterns name exactly its entries; the written ignore file itself may add to what is sent.
        let original = report.context.ignoreFile == nil ? nil : rules.bytes
        let written = ManagedBlock.merged(original ?? [], patterns: plan.lines)
        let own =
            (try? IgnoreFileFixer.ownChange(relativePath: ignoreFile, original: original, updated: written))
            ?? .init(files: 0, bytes: 0)
        let after = ShrinkReport.Size(
            files: before.files - plan.plannedFiles + own.files,
            bytes: before.bytes.saturatingSubtracting(plan.plannedBytes).saturatingAdding(own.bytes))
        var transferredBefore: ShrinkReport.Size?
        var transferredAfter: ShrinkReport.Size?
        if let build = report.build, build.error == nil {
            let transferred = ShrinkReport.Size(files: build.transferred.files, bytes: build.transferred.bytes)
            transferredBefore = transferred
            // Explicit sources are never excluded: only a root source transfers what the plan removes.
            transferredAfter = build.rootSourceLine != nil ? after : transferred
        }
        return ShrinkReport(
            eligibleBefore: before, eligibleAfter: after, transferredBefore: transferredBefore,
            transferredAfter: transferredAfter, rate: rate, patterns: plan.patternCount)
    }

    /// Gives each finding about a path git does not track a place a reviewer can act on: the Dockerfile line that
    /// copies it, else the ignore file (its first line). Tracked paths and findings about the build files themselves
    /// are annotated where they are.
    static func anchored(
        _ findings: [Finding], context: BuildContext, analysis: DockerfileAnalysis?, snapshot: GitStatusSnapshot?
    ) -> [Finding] {
        let buildFiles = Set([context.dockerfileDisplayPath, context.ignoreFile?.displayPath].compactMap { $0 })
        let dockerfileInside = context.relativePath(of: context.dockerfile) != nil
        let ignoreFile = context.ignoreFile.flatMap { context.relativePath(of: $0.path) }
        return findings.map { finding in
            var finding = finding
            guard !buildFiles.contains(finding.path), finding.anchor == nil else { return finding }
            if let snapshot {
                let isDirectory = finding.subject.isDirectory
                if snapshot.classify(path: finding.path, isDirectory: isDirectory).gitClass == .tracked {
                    return finding
                }
            }
            if dockerfileInside, let analysis,
                let source = analysis.source(protecting: finding.path) ?? analysis.rootSource
            {
                finding.anchor = .init(file: context.dockerfileDisplayPath, line: source.line)
            } else if let ignoreFile {
                finding.anchor = .init(file: ignoreFile, line: 1)
            }
            // Shown at another file's line, the message must name the path itself.
            if finding.anchor != nil && !finding.message.contains(finding.path) {
                finding.message = "`\(finding.path)`: " + finding.message
            }
            return finding
        }
    }

    /// Findings by path, then line, then check id: one stable order for every format.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        FindingOrder.sorted(findings)
    }

    /// Chooses the directories worth showing, largest first: a subdirectory is listed beside its listed ancestor only
    /// when it holds at least half of that ancestor's bytes, and it replaces the ancestor when it holds 90%: the
    /// deeper directory is then the one to act on.
    static func responsibleDirectories(_ candidates: [ScanReport.DirectoryUsage], limit: Int) -> [ScanReport
        .DirectoryUsage]
    {
        var chosen: [ScanReport.DirectoryUsage] = []
        for directory in candidates {
            let nearest = chosen.indices
                .filter { directory.path.hasPrefix(chosen[$0].path + "/") }
                .max { chosen[$0].path.count < chosen[$1].path.count }
            if let nearest {
                // In Double: sizes come from the tree and a sparse file can be near Int64.max.
                let (bytes, ancestor) = (Double(directory.bytes), Double(chosen[nearest].bytes))
                if bytes * 2 < ancestor { continue }
                if bytes * 10 >= ancestor * 9 {
                    chosen[nearest] = directory
                    continue
                }
            }
            chosen.append(directory)
        }
        chosen.sort { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.path < $1.path }
        return Array(chosen.prefix(limit))
    }

    /// Keeps only directories with no listed ancestor.
    static func outermost(_ candidates: [ScanReport.DirectoryUsage], limit: Int) -> [ScanReport.DirectoryUsage] {
        let kept = candidates.filter { directory in
            !candidates.contains { directory.path.hasPrefix($0.path + "/") }
        }
        return Array(kept.prefix(limit))
    }

    /// The work tree relative to the context root: `.` or `..`-steps (no absolute paths in machine output).
    static func repositoryDisplay(_ snapshot: GitStatusSnapshot) -> String {
        let depth = snapshot.contextPath.split(separator: "/").count
        return depth == 0 ? "." : Array(repeating: "..", count: depth).joined(separator: "/")
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A filter failure is the ignore engine's match-time error: surface that error itself.
    static func unwrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WalkError {
            if error.code == .filterFailed, let cause = error.cause { throw cause }
            throw error
        }
    }
}
