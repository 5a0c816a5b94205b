import ContextWalker

/// Joins the check outcomes of every build of a repository into one, for formats that annotate files (JSON, SARIF,
/// GitHub, GitLab, Markdown): paths are made relative to the repository root, so annotations land on the right file.
package enum CombinedGate {
    /// Whether any build fails.
    package static func failed(_ outcomes: [BuildGateOutcome]) -> Bool {
        outcomes.contains { $0.outcome.failed }
    }

    /// The check text of every build under a heading naming it, then one verdict line and what discovery skipped.
    package static func text(
        _ outcomes: [BuildGateOutcome], skipped: [Discovery.SkippedFile] = [], style: TextStyle
    ) -> String {
        var out = ""
        for entry in outcomes {
            let service = entry.build.service == nil ? "" : ", \(entry.build.dockerfile)"
            out += style.bold("\(entry.build.name)") + style.dim(" (context \(entry.build.context)\(service))") + "\n"
            out += CheckTextReporter.render(entry.outcome, style: style)
        }
        let failing = outcomes.filter(\.outcome.failed).map(\.build.name)
        if failing.isEmpty {
            out += style.green("✔") + " all \(TextLayout.count(outcomes.count, "build")) passed\n"
        } else {
            out +=
                style.red("✘") + " \(failing.count) of \(TextLayout.count(outcomes.count, "build")) failed: "
                + failing.joined(separator: ", ") + "\n"
        }
        if !skipped.isEmpty {
            out +=
                style.dim(
                    MultiScanReport.skippedSummary(skipped, configSource: nil, limit: MultiScanReport.tableWidth))
                + "\n"
        }
        return out
    }

    /// One outcome over all builds: findings and anchors prefixed by each build's context (a finding that several
    /// builds share appears once), budgets named after their build, sizes summed, the strictest threshold.
    package static func combine(_ outcomes: [BuildGateOutcome]) -> GateOutcome {
        // The gate is reported at a Dockerfile: the first broken one, else the first build's.
        let broken = outcomes.filter { $0.outcome.report.build?.error != nil }
        let located = broken.first ?? outcomes.first
        var report = ScanReport(
            context: ScanReport.ContextInfo(
                root: ".", dockerfile: located?.build.dockerfile ?? "Dockerfile", dockerfileExists: true,
                ignoreFile: nil, ignoreFileOrigin: nil, patterns: 0, shadowedIgnoreFile: nil))
        var findings: [Finding] = []
        var seen: Set<Finding> = []
        var budgets: [BudgetResult] = []
        var transferred = ScanReport.ClassUsage()
        for entry in outcomes {
            let scan = entry.outcome.report
            report.sent += scan.sent
            report.excluded += scan.excluded
            let usage = MultiScanReport.transferred(scan)
            transferred.files += usage.files
            transferred.bytes.saturatingAdd(usage.bytes)
            for finding in scan.findings {
                let prefixed = prefixed(finding, context: entry.build.context)
                if seen.insert(prefixed).inserted { findings.append(prefixed) }
            }
            for var budget in entry.outcome.budgets {
                budget.name = "\(budget.name) [\(entry.build.name)]"
                budgets.append(budget)
            }
            if report.git == nil, let git = scan.git {
                report.git = ScanReport.GitUsage(repository: git.repository)
                report.git?.contextPath = repositoryPath(contextPath: git.contextPath, context: entry.build.context)
            }
        }
        report.findings = FindingOrder.sorted(findings)
        report.build = ScanReport.BuildUsage(target: "", sources: 0)
        report.build?.transferred = transferred
        // Every broken build's error, named by its build, as one `dockerfile-invalid` violation.
        if !broken.isEmpty {
            report.build?.error = broken.map { "\($0.build.name): \($0.outcome.report.build?.error ?? "")" }
                .joined(separator: "; ")
        }
        return GateOutcome(
            report: report, budgets: budgets, growth: nil,
            failOn: strictest(outcomes.map(\.outcome.failOn)))
    }

    /// The threshold that fails on the most severities. Builds whose config sets a laxer `fail-on` may then show
    /// failing findings in the combined formats that do not fail their own build; the exit status follows ``failed(_:)``.
    static func strictest(_ thresholds: [FailThreshold]) -> FailThreshold {
        [FailThreshold.info, .warning, .error, .never].first { thresholds.contains($0) } ?? .error
    }

    /// The finding with its path and anchor relative to the repository root instead of the build's context.
    static func prefixed(_ finding: Finding, context: String) -> Finding {
        guard context != "." else { return finding }
        var finding = finding
        // A declaration line is a compose file above the context (`../compose.yaml`): shown cleaned, from the root.
        finding.path =
            finding.subject.kind == .declarationLine
            ? BuildDiscovery.relativeJoin(context, finding.path)
            : finding.path == "." ? context : context + "/" + finding.path
        if var anchor = finding.anchor, !anchor.file.hasPrefix("/") {
            anchor.file = context + "/" + anchor.file
            finding.anchor = anchor
        }
        return finding
    }

    /// The repository root's path inside the git work tree, from a build context's path there.
    static func repositoryPath(contextPath: String, context: String) -> String {
        guard context != "." else { return contextPath }
        if contextPath == context { return "" }
        return contextPath.hasSuffix("/" + context) ? String(contextPath.dropLast(context.count + 1)) : contextPath
    }
}
