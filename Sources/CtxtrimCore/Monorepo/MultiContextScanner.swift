import ContextWalker
import GitClassifier
import UntrustedText

/// Scans every build of a repository with one walk of the repository root, producing for each build the report a
/// separate ``ContextScanner`` scan of its context would give for sent, excluded, transferred and findings.
///
/// Not computed per build (a single-context scan has them): largest directories, extensions, ignored entries,
/// top-level entries and the fix suggestion.
package struct MultiContextScanner {
    /// One build with everything read before the walk.
    private struct Prepared {
        var build: DiscoveredBuild
        var context: BuildContext
        var rules: IgnoreRules
        var snapshot: GitStatusSnapshot?
        /// Why git classes are missing, when git status failed.
        var gitDiagnostic: ScanReport.Diagnostic?
        var analysis: DockerfileAnalysis?
        var dockerfileError: String?
        var setup: BuildAccumulator.Setup
        var member: SharedWalkMember
    }

    /// The repository root (the directory walked).
    package let root: String
    package let builds: [DiscoveredBuild]
    /// Shared by every build; `target` is taken from each build instead.
    package let options: ContextScanner.Options

    package init(root: String, builds: [DiscoveredBuild], options: ContextScanner.Options) {
        self.root = root
        self.builds = builds
        self.options = options
    }

    /// Reads every build's ignore file and Dockerfile, walks the root once and reports per build.
    ///
    /// - Throws: ``MonorepoError`` when the root or a context is missing or a context lies outside the root,
    ///   `ContextError`/`IgnoreError` for a build's unreadable or invalid ignore file, `WalkError` when the root
    ///   cannot be opened. A build whose git status fails or runs out of time has no git classes and a diagnostic.
    package func scan(progress: WalkProgress = WalkProgress()) throws -> MultiScanReport {
        let clock = ContinuousClock()
        let started = clock.now
        guard let realRoot = BuildContext.realPath(root), BuildContext.isDirectory(realRoot) else {
            throw MonorepoError(
                code: .rootNotFound, file: root, message: "repository root '\(root)' is not a directory",
                fix: "pass the directory that holds the builds")
        }
        var snapshots: [String: GitCapture] = [:]
        let prepared = try builds.map { build in
            try prepare(build, root: realRoot, snapshots: &snapshots)
        }
        let filter = SharedWalkFilter(members: prepared.map(\.member), measureExcluded: options.measureExcluded)
        let members = prepared.map(\.member)
        let setups = prepared.map(\.setup)
        let walker = ContextWalker(
            root: realRoot, options: WalkOptions(threads: options.threads, measureExcluded: options.measureExcluded),
            progress: progress)
        let result = try ContextScanner.unwrapping {
            try walker.walk(
                filter: filter,
                makeVisitor: { SharedWalkVisitor(members: members, setups: setups) })
        }
        let seconds = ContextScanner.seconds(clock.now - started)
        let scans = zip(prepared, result.visitor.builds).map { build, accumulator in
            BuildScan(build: build.build, report: report(for: build, accumulator, seconds: seconds))
        }
        return MultiScanReport(builds: scans, walkSeconds: seconds)
    }

    private func prepare(
        _ build: DiscoveredBuild, root: String, snapshots: inout [String: GitCapture]
    ) throws -> Prepared {
        let contextPath = BuildContext.joined(root, build.context)
        let dockerfilePath =
            build.dockerfile.hasPrefix("/") ? build.dockerfile : BuildContext.joined(root, build.dockerfile)
        let context = try BuildContext.resolve(
            context: contextPath, dockerfile: dockerfilePath, ignoreFileOverride: nil, discoveryRoot: root)
        guard let prefix = BuildContext.relative(context.root, to: root) else {
            throw MonorepoError(
                code: .contextOutsideRoot, file: build.composeFile ?? build.dockerfile,
                message: "the build context '\(build.context)' lies outside '\(self.root)'",
                fix: "scan a directory that contains it")
        }
        let rules = try IgnoreRules.load(for: context)
        var git: GitCapture?
        if options.git {
            if let known = snapshots[context.root] {
                git = known
            } else {
                git = GitCapture.capture(
                    directory: context.root, displayPath: ".", timeout: options.gitTimeout)
                snapshots[context.root] = git
            }
        }
        let snapshot = git?.snapshot
        var analysis: DockerfileAnalysis?
        var dockerfileError: String?
        if options.dockerfile {
            do {
                analysis = try DockerfileAnalysis.load(
                    context: context, target: build.target, buildArgs: options.buildArgs)
            } catch {
                dockerfileError = "\(error)"
            }
        }
        var setup = BuildAccumulator.Setup(
            walkRootLength: root.utf8.count, top: min(max(0, options.top), ContextScanner.Options.maxTop),
            runChecks: options.findings,
            enabledChecks: options.enabledChecks,
            ignoreFile: context.ignoreFile == nil ? nil : rules.file)
        if let analysis, analysis.referencesEverything {
            setup.explicitSourceMatcher = try DockerfileAnalysis.matcher(for: analysis.explicitSources.map(\.pattern))
        }
        let filter = ContextFilter(
            matcher: rules.matcher, git: snapshot, transferMatcher: analysis?.transferMatcher,
            quietDirectories: options.findings && options.skipChecksInClaimedDirectories
                ? QuietDirectories(enabledIDs: options.enabledChecks, git: snapshot) : nil)
        let member = SharedWalkMember(
            prefix: prefix == "." ? [] : LosslessUTF8.encode(prefix), filter: filter,
            checks: options.findings ? CheckRun(enabledIDs: options.enabledChecks) : nil)
        return Prepared(
            build: build, context: context, rules: rules, snapshot: snapshot,
            gitDiagnostic: git?.diagnostic,
            analysis: analysis,
            dockerfileError: dockerfileError, setup: setup, member: member)
    }

    /// The build's scan report from its merged accumulator, as ``ContextScanner`` would fill it.
    private func report(for build: Prepared, _ accumulator: BuildAccumulator, seconds: Double) -> ScanReport {
        let context = build.context
        let scanner = ContextScanner(context: context, rules: build.rules, options: options)
        var report = ScanReport(context: scanner.contextInfo)
        report.context.root = build.build.context
        report.walkSeconds = seconds
        report.threads = options.threads
        (report.sent, report.excluded) = accumulator.finalTotals
        report.excludedMeasured = options.measureExcluded
        report.skippedDirectories = accumulator.skippedDirectories
        report.largestFiles = accumulator.largestFiles.sorted
        report.diagnostics = accumulator.diagnostics.sorted { ($0.path, $0.kind) < ($1.path, $1.kind) }
        if let diagnostic = build.gitDiagnostic { report.diagnostics.insert(diagnostic, at: 0) }
        if options.git && build.gitDiagnostic == nil {
            report.git = ReportAssembly.gitUsage(snapshot: build.snapshot, classes: accumulator.gitClasses)
        }
        report.findings = accumulator.finishedFindings()
        if options.findings {
            report.findings = ReportAssembly.withLint(
                report.findings, context: context,
                ignoreFile: .init(
                    file: build.setup.ignoreFile, ruleUsage: accumulator.ruleUsage, nestedNames: accumulator.nestedNames
                ),
                analysis: build.analysis, enabledIDs: options.enabledChecks)
        }
        report.findings = ContextScanner.anchored(
            report.findings, context: context, analysis: build.analysis, snapshot: build.snapshot)
        if let analysis = build.analysis {
            report.build = ReportAssembly.buildUsage(
                analysis, transferred: accumulator.transferred, explicitFiles: accumulator.explicitFiles,
                copyAllOnly: accumulator.copyAllOnly, top: min(max(0, options.top), ContextScanner.Options.maxTop))
        } else if let error = build.dockerfileError {
            report.build = ScanReport.BuildUsage(target: build.build.target ?? "", sources: 0, error: error)
        }
        return report
    }
}
