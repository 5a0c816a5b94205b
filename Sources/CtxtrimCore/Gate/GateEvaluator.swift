import DockerIgnore

/// Decides `ctxtrim check`: applies the config to the findings and compares the context with its budgets and
/// baseline.
package enum GateEvaluator {
    /// The outcome for `report` under `settings`. Findings are first filtered and re-graded by the config.
    package static func evaluate(_ report: ScanReport, settings: GateSettings) throws -> GateOutcome {
        var report = report
        report.findings = try apply(settings.config, to: report.findings)
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
        let transferred = report.build.flatMap { $0.error == nil ? $0.transferred : nil }
        if let limit = settings.budgets.maxTransferredSize {
            budgets.append(
                .init(
                    name: "max-transferred-size", scope: .transferred, unit: .bytes, limit: limit,
                    actual: transferred?.bytes ?? report.sent.bytes))
        }
        if let limit = settings.budgets.maxTransferredFiles {
            budgets.append(
                .init(
                    name: "max-transferred-files", scope: .transferred, unit: .files, limit: Int64(limit),
                    actual: Int64(transferred?.files ?? report.sent.files)))
        }
        let growth = settings.baseline?.growth(to: report, limit: settings.budgets.maxGrowth)
        return GateOutcome(report: report, budgets: budgets, growth: growth, failOn: settings.failOn)
    }

    /// Drops disabled checks and suppressed findings, and applies severity overrides.
    package static func apply(_ config: CtxtrimConfig, to findings: [Finding]) throws -> [Finding] {
        let suppressions = try config.suppressions.map { suppression in
            let file = try IgnoreFile.parse(text: suppression.path, source: config.source ?? ".ctxtrim.yml")
            return (try IgnoreMatcher(file), suppression.checks.map(Set.init))
        }
        return try findings.compactMap { finding in
            if config.disabledChecks.contains(finding.check) { return nil }
            for (matcher, checks) in suppressions where checks?.contains(finding.check) ?? true {
                if try matcher.excluded(finding.path).excluded { return nil }
            }
            var graded = finding
            if let severity = config.severityOverrides[finding.check] { graded.severity = severity }
            return graded
        }
    }
}
