/// What `ctxtrim fix` would change, computed once by the planner from a scan: the plan, the ignore file it writes
/// and the shrink. `scan` shows it as its suggestion; `fix` proves it with a walk of the context under the new file,
/// then writes it.
package struct FixProposal: Sendable {
    package var plan: FixPlan
    /// The ignore file's bytes now; nil when there is none yet.
    package var original: [UInt8]?
    /// The ignore file with the block merged in.
    package var updated: [UInt8]
    /// Before and after: estimated from the plan until ``proven(by:)`` measures it.
    package var shrink: ShrinkReport

    /// Plans against `report` (a scan of `build`, whose rules are the user's own lines) and estimates the shrink:
    /// the plan's patterns name exactly its entries, so what is sent after is what was sent less those entries, plus
    /// the ignore file's own change when it is itself sent.
    ///
    /// - Parameter ignoreFile: the ignore file's path in the context; nil when it lies outside.
    /// - Parameter sharedWith: the other builds that read the same ignore file, whose sources are protected too.
    package static func make(
        report: ScanReport, build: BuildInputs, sharedWith: [DockerfileAnalysis] = [], original: [UInt8]?,
        ignoreFile: String?, strategy: FixStrategy, excludeTrackedSecrets: Bool = false, fold: Bool = true,
        rate: TransferRate
    ) throws -> FixProposal {
        let buildFiles = Set([
            report.context.ignoreFile ?? ".dockerignore", report.context.dockerfile, ".dockerignore",
        ])
        let plan = try FixPlanner.plan(
            report: report, analysis: build.analysis, sharedWith: sharedWith, strategy: strategy,
            userMatcher: build.rules.matcher, fold: fold, buildFiles: buildFiles,
            excludeTrackedSecrets: excludeTrackedSecrets)
        let updated = ManagedBlock.merged(original ?? [], patterns: plan.lines)
        let own = try ownChange(relativePath: ignoreFile, original: original, updated: updated)
        let before = ShrinkReport.Size(files: report.sent.files, bytes: report.sent.bytes)
        let after = ShrinkReport.Size(
            files: before.files - plan.plannedFiles + own.files,
            bytes: before.bytes.saturatingSubtracting(plan.plannedBytes).saturatingAdding(own.bytes))
        var transferredBefore: ShrinkReport.Size?
        var transferredAfter: ShrinkReport.Size?
        if let usage = report.build, usage.error == nil {
            let transferred = ShrinkReport.Size(files: usage.transferred.files, bytes: usage.transferred.bytes)
            transferredBefore = transferred
            // Explicit sources are never excluded: only a root source transfers what the plan removes.
            transferredAfter = usage.rootSourceLine != nil ? after : transferred
        }
        let shrink = ShrinkReport(
            eligibleBefore: before, eligibleAfter: after, transferredBefore: transferredBefore,
            transferredAfter: transferredAfter, rate: rate, patterns: plan.patternCount)
        return FixProposal(plan: plan, original: original, updated: updated, shrink: shrink)
    }

    /// `scan`'s suggestion: the deny plan for the build as it is, nil when it has nothing to exclude or would not
    /// make what is sent or transferred smaller (a new ignore file can outweigh the few bytes it keeps out).
    static func suggested(for report: ScanReport, build: BuildInputs, rate: TransferRate) throws -> FixProposal? {
        let context = build.context
        let proposal = try make(
            report: report, build: build, original: context.ignoreFile == nil ? nil : build.rules.bytes,
            ignoreFile: context.ignoreFile.map { context.relativePath(of: $0.path) } ?? ".dockerignore",
            strategy: .deny, rate: rate)
        guard proposal.plan.patternCount > 0, proposal.shrink.saves else { return nil }
        return proposal
    }

    /// The proposal with the shrink measured: `after` is a walk of the context under ``updated``, made before it is
    /// written, so the ignore file's own change is added when it is itself sent.
    package func proven(by after: ScanReport, ignoreFile: String?) throws -> FixProposal {
        let own = try Self.ownChange(relativePath: ignoreFile, original: original, updated: updated)
        var eligibleAfter = ShrinkReport.Size(files: after.sent.files, bytes: after.sent.bytes)
        eligibleAfter.files += own.files
        eligibleAfter.bytes.saturatingAdd(own.bytes)
        var transferredAfter = after.build.map {
            ShrinkReport.Size(files: $0.transferred.files, bytes: $0.transferred.bytes)
        }
        if after.build?.rootSourceLine != nil {
            transferredAfter?.files += own.files
            transferredAfter?.bytes.saturatingAdd(own.bytes)
        }
        var proven = self
        proven.shrink.eligibleAfter = eligibleAfter
        proven.shrink.transferredAfter = transferredAfter
        return proven
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
}
