import UntrustedText

/// A summary of `ctxtrim check` for a pull-request comment or a CI job summary.
///
/// A verdict heading (✅/❌) with the failing conditions, a totals table, the budgets, the growth by directory and the
/// findings grouped by severity; a group longer than `collapseAfter` items is folded into `<details>`. Paths are
/// relative to the context; an ignore file or Dockerfile outside it is not named.
package struct MarkdownReporter: Sendable {
    /// GitHub's limit on a comment body.
    package static let pullRequestCommentLimit = 65_536
    /// Groups longer than this are folded.
    package static let collapseAfter = 10

    /// The summary, cut to `maxBytes` of UTF-8 with a note when longer. `verdict` is false for a scan shown in this
    /// format: it is headed by what it found, since nothing was judged.
    package static func render(
        _ outcome: GateOutcome, maxBytes: Int = pullRequestCommentLimit, verdict: Bool = true
    ) -> String {
        MarkdownText.truncated(
            fullText(outcome, verdict: verdict), maxBytes: maxBytes,
            advice: "`ctxtrim check --format json` gives the whole report.")
    }

    private static func fullText(_ outcome: GateOutcome, verdict: Bool) -> String {
        var out: [String] = []
        let report = outcome.report
        if verdict {
            out.append(outcome.failed ? "## ❌ ctxtrim check failed" : "## ✅ ctxtrim check passed")
        } else {
            out.append("## ctxtrim scan")
            out.append("")
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = report.findings.count { $0.severity == severity }
                return count == 0 ? nil : TextLayout.count(count, severity.rawValue, severity == .info ? "info" : nil)
            }
            out.append(
                (counts.isEmpty ? "No findings" : "Findings: " + counts.joined(separator: ", "))
                    + ". A scan judges nothing: `ctxtrim check` decides what fails.")
            if let error = report.build?.error {
                out.append("")
                out.append("- The Dockerfile cannot be built: \(MarkdownText.inline(error))")
            }
        }
        out.append("")
        guard verdict else { return fullText(outcome, after: out) }
        var reasons = outcome.violations.filter(\.fails).map { MarkdownText.inline($0.message) }
        let findings = outcome.report.findings
        let failing = findings.filter { outcome.failOn.fails($0.severity) }.count
        if failing > 0 {
            reasons.append(
                "\(TextLayout.count(failing, "finding")) at or above `\(outcome.failOn.rawValue)`")
        }
        if reasons.isEmpty {
            out.append(
                outcome.failOn == .never
                    ? "Findings never fail this check (`--fail-on never`)."
                    : "No finding at or above `\(outcome.failOn.rawValue)`, every budget respected.")
        } else {
            out += reasons.map { "- \($0)" }
        }
        out.append("")
        return fullText(outcome, after: out)
    }

    /// The totals, budgets, growth and findings below the heading.
    private static func fullText(_ outcome: GateOutcome, after top: [String]) -> String {
        var out = top
        let report = outcome.report
        let findings = report.findings
        let ignoreName = report.context.ignoreFile.flatMap { ReportLocation.isRelative($0) ? $0 : nil }
        out.append("| | files | size |")
        out.append("| --- | ---: | ---: |")
        out.append("| Sent to the builder | \(TextLayout.grouped(report.sent.files)) | \(size(report.sent.bytes)) |")
        if report.context.ignoreFile == nil {
            out.append("| Kept out | – | nothing: no ignore file |")
        } else {
            let label = ignoreName.map { "Kept out by \(MarkdownText.code($0))" } ?? "Kept out by the ignore file"
            var bytes = size(report.excluded.bytes)
            if !report.excludedMeasured && report.skippedDirectories > 0 {
                bytes += " + \(TextLayout.count(report.skippedDirectories, "directory", "directories")) not measured"
            }
            out.append("| \(label) | \(TextLayout.grouped(report.excluded.files)) | \(bytes) |")
        }

        if !outcome.budgets.isEmpty {
            out.append("")
            out.append("### Budgets")
            out.append("")
            out.append("| budget | context | limit | actual | |")
            out.append("| --- | --- | ---: | ---: | :---: |")
            for budget in outcome.budgets {
                let limit = amount(budget.limit, unit: budget.unit)
                let actual = amount(budget.actual, unit: budget.unit)
                out.append(
                    "| \(MarkdownText.code(budget.name)) | \(budget.scope.rawValue) | \(limit) | \(actual) | "
                        + "\(budget.exceeded ? "❌ over" : "✅") |")
            }
        }

        if let growth = outcome.growth {
            out.append("")
            out.append("### Growth against the baseline")
            out.append("")
            let mark = growth.limit == nil ? "" : growth.exceeded ? "❌ " : "✅ "
            out.append(mark + MarkdownText.inline(growth.summary.capitalizedFirst) + ".")
            if !growth.directories.isEmpty {
                out.append("")
                out.append("| directory | before | after | change |")
                out.append("| --- | ---: | ---: | ---: |")
                for change in growth.directories {
                    out.append(
                        "| \(MarkdownText.code(change.path + "/")) | \(size(change.before)) | \(size(change.after)) | "
                            + "\(signed(change.delta)) |")
                }
            }
        }

        if !findings.isEmpty {
            out.append("")
            out.append("### Findings")
            out.append("")
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = findings.filter { $0.severity == severity }.count
                return count == 0 ? nil : TextLayout.count(count, severity.rawValue, severity == .info ? "info" : nil)
            }
            out.append(counts.joined(separator: " · "))
            for severity in Severity.allCases.reversed() {
                let group = findings.filter { $0.severity == severity }.sorted(by: FindingOrder.precedes)
                guard !group.isEmpty else { continue }
                let heading = "\(icon(severity)) \(heading(severity)) (\(TextLayout.grouped(group.count)))"
                out.append("")
                let items = group.map(item)
                if group.count > collapseAfter {
                    out.append("<details><summary>\(heading)</summary>")
                    out.append("")
                    out += items
                    out.append("")
                    out.append("</details>")
                } else {
                    out.append("#### \(heading)")
                    out.append("")
                    out += items
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func item(_ finding: Finding) -> String {
        var location = finding.subject.displayPath
        if let line = finding.line { location += ":\(line)" }
        let bytes = finding.bytes > 0 ? " (\(ByteCount.format(finding.bytes)))" : ""
        return "- \(MarkdownText.code(finding.check.rawValue)) \(MarkdownText.code(location))\(bytes): "
            + MarkdownText.inline(finding.message)
    }

    private static func size(_ bytes: Int64) -> String { ByteCount.format(bytes) }

    private static func amount(_ value: Int64, unit: BudgetResult.Unit) -> String {
        unit == .bytes ? ByteCount.format(value) : TextLayout.count(Int(value), "file")
    }

    private static func signed(_ bytes: Int64) -> String {
        (bytes >= 0 ? "+" : "−") + ByteCount.format(abs(bytes))
    }

    private static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "❌"
        case .warning: "⚠️"
        case .info: "ℹ️"
        }
    }

    private static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .info: "Info"
        }
    }
}
