/// Everything `ctxtrim check` decided: the scan, the budgets, the baseline comparison and whether it fails.
///
/// Reporters (text, JSON, SARIF, GitHub, GitLab, Markdown) are pure functions of this value.
package struct GateOutcome: Sendable {
    package var report: ScanReport
    package var budgets: [BudgetResult]
    package var growth: GrowthResult?
    package var failOn: FailThreshold

    package init(
        report: ScanReport, budgets: [BudgetResult] = [], growth: GrowthResult? = nil, failOn: FailThreshold = .error
    ) {
        self.report = report
        self.budgets = budgets
        self.growth = growth
        self.failOn = failOn
    }

    /// Findings at or above `failOn`.
    package var failingFindings: [Finding] { report.findings.filter { failOn.fails($0.severity) } }

    /// Whether the check fails: a failing finding, an exceeded budget or growth limit, or a Dockerfile docker build
    /// would refuse (`check --all`). A missing ignore file is judged by the `ignore-file-missing` finding alone.
    package var failed: Bool {
        !failingFindings.isEmpty || budgets.contains(where: \.exceeded) || growth?.exceeded == true
            || report.build?.error != nil
    }
}

extension GateOutcome {
    /// A scan shown in a check format (SARIF, GitHub, GitLab, Markdown): no budget, no baseline, and nothing fails,
    /// so those formats list the scan's findings as they would a check's.
    package init(unjudged report: ScanReport) {
        self.init(report: report, failOn: .never)
    }
}
