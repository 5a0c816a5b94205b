/// Decides `ctxtrim check`: compares the context with its budgets and baseline and grades its findings.
package enum GateEvaluator {
    /// The outcome for `report` under `settings`. The report's findings are already graded by the build's config
    /// (`CtxtrimConfig.graded`, applied by the scan itself).
    package static func evaluate(_ report: ScanReport, settings: GateSettings) throws -> GateOutcome {
        var budgets: [BudgetResult] = []
        if let limit = settings.budgets.maxSize {
            budgets.append(
                .init(name: "max-size", scope: .eligible, unit: .bytes, limit: limit, actual: report.sent.bytes))
        }
        if let limit = settings.budgets.maxFiles {
            budgets.append(
                .init(
                    name: "max-files", scope: .eligible, unit: .files, limit: Int64(limit),
                    actual: Int64(report.sent.files)))
        }
        // The whole transfer of the build: its context's and its local named contexts'.
        let transferred = report.totalTransferred
        if let limit = settings.budgets.maxTransferredSize {
            budgets.append(
                .init(
                    name: "max-transferred-size", scope: .transferred, unit: .bytes, limit: limit,
                    actual: transferred.bytes))
        }
        if let limit = settings.budgets.maxTransferredFiles {
            budgets.append(
                .init(
                    name: "max-transferred-files", scope: .transferred, unit: .files, limit: Int64(limit),
                    actual: Int64(transferred.files)))
        }
        try settings.baseline?.ensureSameContext(as: report)
        let growth = settings.baseline?.growth(to: report, limit: settings.budgets.maxGrowth)
        return GateOutcome(report: report, budgets: budgets, growth: growth, failOn: settings.failOn)
    }
}
