import Testing

@testable import CtxtrimCore

/// The human text of `ctxtrim check`: one line when it passes, every failing condition when it does not.
@Suite struct CheckTextReporterTests {
    static let plain = TextStyle(color: false)

    @Test func passingIsOneLine() {
        var outcome = SampleOutcome.passing()
        outcome.report.findings = []
        #expect(
            CheckTextReporter.render(outcome, style: Self.plain)
                == "✔ ctxtrim check passed: 1.6 GiB in 51,234 files sent\n")
    }

    @Test func failingListsEveryConditionWithWhatToDo() {
        let text = CheckTextReporter.render(SampleOutcome.failing(), style: Self.plain)
        #expect(text.hasPrefix("✘ ctxtrim check failed: max-size exceeded, growth over the limit, 2 errors"))
        for violation in SampleOutcome.failing().violations {
            #expect(text.contains(violation.message))
            #expect(text.contains("→ " + violation.advice))
        }
        for finding in SampleOutcome.failing().failingFindings { #expect(text.contains(finding.message)) }
        #expect(text.contains("also 4 warnings, 2 info below --fail-on error"))
    }

    @Test func failOnWarningListsWarningsToo() {
        var outcome = SampleOutcome.failing()
        outcome.failOn = .warning
        let text = CheckTextReporter.render(outcome, style: Self.plain)
        #expect(text.contains("2 errors, 4 warnings"))
        #expect(text.contains("warning  dependency-dir  node_modules/ (1.2 GiB)"))
        #expect(text.contains("also 2 info below --fail-on warning"))
    }

    @Test func aMissingIgnoreFileIsAWarningFindingNotAFailure() {
        var outcome = SampleOutcome.passing()
        outcome.report.context.ignoreFile = nil
        outcome.report.findings = [
            Finding(
                check: .ignoreFileMissing, severity: .warning, subject: .ignoreFile(".dockerignore"),
                message: "There is no .dockerignore, so every build sends the whole context", bytes: 10)
        ]
        let passing = CheckTextReporter.render(outcome, style: Self.plain)
        #expect(passing.hasPrefix("✔ ctxtrim check passed"), "\(passing)")
        #expect(passing.hasSuffix("; 1 warning below --fail-on error\n"), "\(passing)")
        outcome.failOn = .warning
        let failing = CheckTextReporter.render(outcome, style: Self.plain)
        #expect(failing.hasPrefix("✘ ctxtrim check failed: 1 warning"), "\(failing)")
        #expect(failing.contains("ignore-file-missing  .dockerignore"), "\(failing)")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!CheckTextReporter.render(SampleOutcome.failing(), style: Self.plain).contains("\u{1B}["))
        #expect(
            CheckTextReporter.render(SampleOutcome.failing(), style: TextStyle(color: true)).contains("\u{1B}[31m✘"))
    }
}
