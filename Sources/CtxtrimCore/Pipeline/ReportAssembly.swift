import DockerIgnore
import GitClassifier
import UntrustedText

/// A build's scan report from its merged tally: the same assembly for one build and for every build of `--all`.
enum ReportAssembly {
    /// - Throws: `IgnoreError` when a suppression glob of the build's config fails at match time.
    static func report(
        for build: BuildInputs, tally: BuildTally, options: ContextScanner.Options, walkSeconds: Double
    ) throws -> ScanReport {
        let context = build.context
        let top = tally.setup.top
        let finished = tally.finished()
        var report = ScanReport(context: contextInfo(build))
        if let records = tally.digest {
            if let problem = tally.digestProblem {
                report.contextDigestProblem = problem
            } else {
                report.contextDigest = try ContextDigest.make(records: records, analysis: build.analysis)
            }
        }
        report.walkSeconds = walkSeconds
        report.threads = options.threads
        (report.sent, report.excluded) = tally.finalTotals
        report.excludedMeasured = options.measureExcluded
        report.skippedDirectories = tally.skippedDirectories
        report.largestFiles = tally.largestFiles.sorted
        report.largestDirectories = responsibleDirectories(tally.largestDirectories.sorted, limit: top)
        report.extensions = tally.extensions
            .map { ScanReport.ExtensionUsage(name: $0.key, files: $0.value.files, bytes: $0.value.bytes) }
            .sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.name < $1.name }
            .prefix(top).map { $0 }
        if tally.setup.listing != nil {
            report.listing = tally.listed.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        }
        report.ignoredEntries = finished.outermostIgnored
        report.topLevelEntries = finished.topLevelEntries
        report.diagnostics = tally.diagnostics.sorted { ($0.path, $0.kind) < ($1.path, $1.kind) }
        if let diagnostic = build.git?.diagnostic { report.diagnostics.insert(diagnostic, at: 0) }
        if options.git && build.git?.diagnostic == nil {
            var usage = gitUsage(snapshot: build.snapshot, classes: tally.gitClasses)
            usage.largestIgnored = outermost(tally.largestIgnored.sorted, limit: top)
            report.git = usage
        }
        report.findings = SuggestionProof.proven(finished.findings, names: tally.sentNames)
        if options.findings {
            report.findings = withLint(
                report.findings, context: context,
                ignoreFile: .init(
                    file: tally.setup.ignoreFile, ruleUsage: tally.ruleUsage, nestedNames: tally.nestedNames),
                analysis: build.analysis, enabledIDs: build.enabledChecks(options),
                sourceProblems: tally.sourceSightings.map {
                    SourceProblem.find(in: $0, root: context.root, matcher: build.rules.matcher)
                })
        }
        report.sentNames = tally.sentNames
        if let snapshot = build.snapshot {
            report.trackedPaths = trackedPaths(
                findings: report.findings, ignored: finished.outermostIgnored, snapshot: snapshot)
        }
        // A named context's findings are graded once they carry the build's paths (`NamedContextReports`), so a
        // suppression names them as the report shows them.
        report.findings = FindingAnchors.anchored(
            build.namedContext == nil ? try build.config.graded(report.findings) : report.findings, context: context,
            analysis: build.analysis, snapshot: build.snapshot)
        if let analysis = build.analysis {
            report.build = buildUsage(
                analysis, transferred: tally.transferred, explicitFiles: tally.explicitFiles,
                copyAllOnly: tally.copyAllOnly, top: top)
        } else if let error = build.dockerfileError {
            report.build = ScanReport.BuildUsage(target: build.target ?? "", sources: 0, error: error)
        }
        var proposal: FixProposal?
        if let rate = options.suggestionRate, options.findings, build.dockerfileError == nil {
            proposal = try? FixProposal.suggested(for: report, build: build, rate: rate)
            report.shrink = proposal?.shrink
        }
        report.suggestedFix = proposal.map { suggestedFix($0, build: build) }
        // What `fix` keeps out is what the file it would write keeps out, as the engine decides.
        let fixMatcher = proposal.flatMap { try? IgnoreRules(bytes: $0.updated, source: ".dockerignore").matcher }
        report.classifier = MapClassifier(
            findings: report.findings, rules: tally.setup.ignoreFile?.rules ?? [], matcher: build.rules.matcher,
            fixMatcher: fixMatcher, gitIgnored: finished.outermostIgnored.map(\.path))
        if let map = tally.map, let classifier = report.classifier {
            report.map = ContextMap.build(from: map, classifier: classifier, budget: options.mapNodeBudget)
        }
        return report
    }

    /// The proposal as the HTML report shows it: the diff `ctxtrim fix --dry-run` would print, and the block's lines.
    static func suggestedFix(_ proposal: FixProposal, build: BuildInputs) -> ScanReport.SuggestedFix {
        let name = build.context.ignoreFile?.displayPath ?? ".dockerignore"
        let original = proposal.original.map { LosslessUTF8.decode($0) } ?? ""
        let diff = UnifiedDiff.render(
            old: original, new: LosslessUTF8.decode(proposal.updated),
            oldName: proposal.original == nil ? "/dev/null" : "a/" + name, newName: "b/" + name)
        return ScanReport.SuggestedFix(ignoreFile: name, diff: diff, lines: proposal.plan.lines)
    }

    /// The paths among findings and git-ignored entries that git tracks or tracks files in.
    static func trackedPaths(
        findings: [Finding], ignored: [ExclusionCandidate], snapshot: GitStatusSnapshot
    ) -> Set<String> {
        var tracked = Set<String>()
        let entries =
            findings.filter { $0.subject.isEntry || $0.subject.isDirectory }.map { ($0.path, $0.subject.isDirectory) }
            + ignored.map { ($0.path, $0.isDirectory) }
        for (path, isDirectory) in entries where !tracked.contains(path) {
            let holds =
                isDirectory
                ? snapshot.holdsTrackedFiles(directory: path)
                : snapshot.classify(path: path, isDirectory: false).gitClass == .tracked
            if holds { tracked.insert(path) }
        }
        return tracked
    }

    /// The context part of the report, with paths as the user sees them.
    static func contextInfo(_ build: BuildInputs) -> ScanReport.ContextInfo {
        let context = build.context
        return ScanReport.ContextInfo(
            root: build.displayRoot, dockerfile: context.dockerfileDisplayPath,
            dockerfileExists: context.dockerfileExists,
            ignoreFile: context.ignoreFile?.displayPath, ignoreFileOrigin: context.ignoreFile?.origin.rawValue,
            patterns: build.rules.file.rules.count, shadowedIgnoreFile: context.shadowedIgnoreFile)
    }

    /// The git classes of the regular files sent, or classes left out when the context is in no repository.
    static func gitUsage(snapshot: GitStatusSnapshot?, classes: [GitClass: BuildTally.ClassTally])
        -> ScanReport.GitUsage
    {
        var usage = ScanReport.GitUsage(repository: snapshot.map { repositoryDisplay($0) })
        usage.contextPath = snapshot?.contextPath ?? ""
        if snapshot != nil {
            for gitClass in GitClass.allCases {
                let tally = classes[gitClass] ?? BuildTally.ClassTally()
                usage.classes[gitClass] = .init(files: tally.files, bytes: tally.bytes)
            }
        }
        return usage
    }

    /// What the Dockerfile reads and what BuildKit therefore transfers.
    static func buildUsage(
        _ analysis: DockerfileAnalysis, transferred: BuildTally.ClassTally, explicitFiles: BuildTally.ClassTally,
        copyAllOnly: [String: BuildTally.ClassTally], top: Int
    ) -> ScanReport.BuildUsage {
        let target = analysis.usage.stages.first { $0.index == analysis.usage.targetStage }
        var usage = ScanReport.BuildUsage(
            target: target?.name ?? String(analysis.usage.targetStage), sources: analysis.usage.sources.count,
            rootSourceLine: analysis.rootSource?.line)
        usage.transferred = .init(files: transferred.files, bytes: transferred.bytes)
        usage.explicitFiles =
            analysis.referencesEverything
            ? .init(files: explicitFiles.files, bytes: explicitFiles.bytes) : usage.transferred
        usage.copyAllOnly =
            copyAllOnly
            .map { ScanReport.DirectoryUsage(path: $0.key, bytes: $0.value.bytes, files: $0.value.files) }
            .sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.path < $1.path }
            .prefix(top).map { $0 }
        return usage
    }

    /// The walk's findings with the ignore-file lint and Dockerfile hints added, in the report's order.
    static func withLint(
        _ findings: [Finding], context: BuildContext, ignoreFile: IgnoreFileSnapshot, analysis: DockerfileAnalysis?,
        enabledIDs: Set<CheckID>?, sourceProblems: [SourceProblem]? = nil
    ) -> [Finding] {
        let subject = LintSubject(
            ignoreFile: ignoreFile.file, ruleUsage: ignoreFile.ruleUsage, nestedNames: ignoreFile.nestedNames,
            shadowedIgnoreFile: context.shadowedIgnoreFile, walkFindings: findings, sourceProblems: sourceProblems,
            dockerfile: analysis.map {
                DockerfileSubject(
                    dockerfile: $0.dockerfile, usage: $0.usage, displayPath: context.dockerfileDisplayPath)
            }, containerIgnoreFile: context.containerIgnoreFile)
        return FindingOrder.sorted(findings + LintRegistry.findings(for: subject, enabledIDs: enabledIDs))
    }

    /// What the walk learnt about the ignore file, for the lint.
    struct IgnoreFileSnapshot {
        var file: IgnoreFile?
        var ruleUsage: RuleUsage?
        var nestedNames: NestedNameSightings?
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
}
