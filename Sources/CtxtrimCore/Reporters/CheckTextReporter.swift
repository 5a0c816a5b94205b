import UntrustedText

/// The human output of `ctxtrim check`: one line when all is well, and when not, every failing condition and
/// failing finding with what to do about it.
package enum CheckTextReporter {
    /// Directories of the growth listed under a growth violation.
    package static let growthDirectoriesShown = 5

    package static func render(_ outcome: GateOutcome, style: TextStyle) -> String {
        let report = outcome.report
        let sent = "\(ByteCount.format(report.sent.bytes)) in \(TextLayout.count(report.sent.files, "file")) sent"
        let listed = report.findings
        let failingFindings = listed.filter { outcome.failOn.fails($0.severity) }.sorted(by: FindingOrder.worstFirst)
        let others = listed.count - failingFindings.count
        let violations = outcome.violations

        guard outcome.failed else {
            var line = style.green("✔") + " ctxtrim check passed: " + sent
            if others > 0 { line += "; " + countsBySeverity(listed) + " " + belowThreshold(outcome.failOn) }
            return line + "\n"
        }

        var reasons: [String] = violations.filter(\.fails).map { reason($0) }
        if !failingFindings.isEmpty { reasons.append(countsBySeverity(failingFindings)) }
        var out = [style.red("✘") + " ctxtrim check failed: " + reasons.joined(separator: ", ") + " (" + sent + ")"]
        for violation in violations where violation.fails {
            out.append(
                "  " + style.red(TextLayout.padRight(label(violation), 8)) + " "
                    + TerminalText.escape(violation.message))
            if violation.key == GateViolation.growthKey, let growth = outcome.growth, !growth.directories.isEmpty {
                let changes = growth.directories.prefix(growthDirectoriesShown).map {
                    "\(TerminalText.escape($0.path))/ \($0.delta >= 0 ? "+" : "-")\(ByteCount.format(abs($0.delta)))"
                }
                out.append("           " + style.dim("largest changes: " + changes.joined(separator: ", ")))
            }
            out.append("           → " + violation.advice)
        }
        for finding in failingFindings {
            let name: String
            switch finding.severity {
            case .error: name = style.red(TextLayout.padRight("error", 8))
            case .warning: name = style.yellow(TextLayout.padRight("warning", 8))
            case .info: name = style.dim(TextLayout.padRight("info", 8))
            }
            var location = finding.subject.displayPath
            if let line = finding.line { location += ":\(line)" }
            let size = finding.bytes > 0 ? style.dim(" (\(ByteCount.format(finding.bytes)))") : ""
            out.append("  \(name) \(style.bold(finding.check.rawValue))  \(TerminalText.escape(location))\(size)")
            out.append("           \(TerminalText.escape(finding.message))")
        }
        if others > 0 {
            let rest = listed.filter { !outcome.failOn.fails($0.severity) }
            out.append(
                style.dim(
                    "  also " + countsBySeverity(rest) + " " + belowThreshold(outcome.failOn)
                        + " (`ctxtrim scan` lists them)"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `2 errors, 1 warning, 3 info`, worst first.
    private static func countsBySeverity(_ findings: [Finding]) -> String {
        Severity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : TextLayout.count(count, severity.rawValue, severity == .info ? "info" : nil)
        }.joined(separator: ", ")
    }

    private static func belowThreshold(_ failOn: FailThreshold) -> String {
        failOn == .never ? "(findings never fail with --fail-on never)" : "below --fail-on \(failOn.rawValue)"
    }

    private static func reason(_ violation: GateViolation) -> String {
        switch violation.rule {
        case GateViolation.dockerfileInvalidRule: "docker build would fail"
        default: violation.key == GateViolation.growthKey ? "growth over the limit" : "\(violation.key) exceeded"
        }
    }

    private static func label(_ violation: GateViolation) -> String {
        switch violation.rule {
        case GateViolation.dockerfileInvalidRule: "build"
        default: violation.key == GateViolation.growthKey ? "growth" : "budget"
        }
    }
}
