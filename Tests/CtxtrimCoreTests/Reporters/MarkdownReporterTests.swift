import Testing
import UntrustedText

@testable import CtxtrimCore

/// The pull-request summary: folding, truncation, escaping and no absolute paths.
@Suite struct MarkdownReporterTests {
    static func findings(_ count: Int, severity: Severity) -> [Finding] {
        (0..<count).map {
            Finding(
                check: .logFile, severity: severity, subject: .file("logs/\($0).log"), message: "log \($0)", bytes: 10)
        }
    }

    @Test func foldsGroupsLongerThanTheLimit() {
        var outcome = SampleOutcome.passing()
        outcome.report.findings =
            Self.findings(MarkdownReporter.collapseAfter + 1, severity: .warning)
            + Self.findings(MarkdownReporter.collapseAfter, severity: .info)
        let markdown = MarkdownReporter.render(outcome)
        #expect(markdown.contains("<details><summary>⚠️ Warnings (11)</summary>"))
        #expect(markdown.contains("#### ℹ️ Info (10)"))
        #expect(markdown.components(separatedBy: "</details>").count == 2)
    }

    @Test func truncatesToTheCommentLimitWithANote() {
        var outcome = SampleOutcome.failing()
        outcome.report.findings = Self.findings(5_000, severity: .error)
        let markdown = MarkdownReporter.render(outcome)
        #expect(markdown.utf8.count <= MarkdownReporter.pullRequestCommentLimit)
        #expect(markdown.hasSuffix("`ctxtrim check --format json` gives the whole report._\n"))
        #expect(markdown.hasPrefix("## ❌ ctxtrim check failed"))
        #expect(
            markdown.components(separatedBy: "<details>").count == markdown.components(separatedBy: "</details>").count)
        #expect(MarkdownReporter.render(SampleOutcome.failing()).contains("_Truncated") == false)
    }

    @Test func userTextCannotOpenHTMLOrBreakTables() {
        var outcome = SampleOutcome.passing()
        outcome.growth?.directories = [.init(path: "a|b", before: 0, after: 1)]
        #expect(MarkdownReporter.render(outcome).contains("| `a\\|b/` |"))
    }

    @Test func namesNoIgnoreFileOutsideTheContextAndSaysWhenThereIsNone() {
        var outcome = SampleOutcome.passing()
        outcome.report.context.ignoreFile = "/etc/ctxtrim/global.dockerignore"
        let outside = MarkdownReporter.render(outcome)
        #expect(!outside.contains("/etc/"))
        #expect(outside.contains("Kept out by the ignore file"))
        outcome.report.context.ignoreFile = nil
        #expect(MarkdownReporter.render(outcome).contains("nothing: no ignore file"))
    }
}
