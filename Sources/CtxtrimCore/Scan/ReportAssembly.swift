import DockerIgnore
import GitClassifier

/// The parts of a scan report that a single-context scan and the shared walk of `--all` assemble the same way
/// from their tallies.
enum ReportAssembly {
    /// The git classes of the regular files sent, or classes left out when the context is in no repository.
    static func gitUsage(snapshot: GitStatusSnapshot?, classes: [GitClass: ScanVisitor.ClassTally])
        -> ScanReport.GitUsage
    {
        var usage = ScanReport.GitUsage(repository: snapshot.map { ContextScanner.repositoryDisplay($0) })
        usage.contextPath = snapshot?.contextPath ?? ""
        if snapshot != nil {
            for gitClass in GitClass.allCases {
                let tally = classes[gitClass] ?? ScanVisitor.ClassTally()
                usage.classes[gitClass] = .init(files: tally.files, bytes: tally.bytes)
            }
        }
        return usage
    }

    /// What the Dockerfile reads and what BuildKit therefore transfers.
    static func buildUsage(
        _ analysis: DockerfileAnalysis, transferred: ScanVisitor.ClassTally, explicitFiles: ScanVisitor.ClassTally,
        copyAllOnly: [String: ScanVisitor.ClassTally], top: Int
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
        enabledIDs: Set<CheckID>?
    ) -> [Finding] {
        let subject = LintSubject(
            ignoreFile: ignoreFile.file, ruleUsage: ignoreFile.ruleUsage, nestedNames: ignoreFile.nestedNames,
            shadowedIgnoreFile: context.shadowedIgnoreFile, walkFindings: findings,
            dockerfile: analysis.map {
                DockerfileSubject(
                    dockerfile: $0.dockerfile, usage: $0.usage, displayPath: context.dockerfileDisplayPath)
            })
        return ContextScanner.sorted(findings + LintRegistry.findings(for: subject, enabledIDs: enabledIDs))
    }

    /// What the walk learnt about the ignore file, for the lint.
    struct IgnoreFileSnapshot {
        var file: IgnoreFile?
        var ruleUsage: RuleUsage?
        var nestedNames: NestedNameSightings?
    }
}
