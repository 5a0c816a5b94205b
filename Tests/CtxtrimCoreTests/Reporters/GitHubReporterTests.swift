import Testing
import UntrustedText

@testable import CtxtrimCore

/// Workflow commands escaped exactly as `@actions/core` escapes them, worst first.
@Suite struct GitHubReporterTests {
    static func outcome(_ findings: [Finding], budgets: [BudgetResult] = []) -> GateOutcome {
        var report = ScanReport(
            context: .init(
                root: ".", dockerfile: "Dockerfile", dockerfileExists: true, ignoreFile: ".dockerignore",
                ignoreFileOrigin: "context", patterns: 1, shadowedIgnoreFile: nil))
        report.findings = findings
        return GateOutcome(report: report, budgets: budgets)
    }

    @Test(arguments: [
        ("100%", "100%25"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0D%0Ab"), ("%0A", "%250A"), ("a:b,c", "a:b,c"),
        ("", ""), ("é ü", "é ü"),
    ])
    func escapesData(_ input: String, _ expected: String) {
        #expect(GitHubCommandText.data(input) == expected)
    }

    @Test(arguments: [
        ("a:b,c", "a%3Ab%2Cc"), ("100%", "100%25"), ("x\ny\rz", "x%0Ay%0Dz"), ("dir/file.txt", "dir/file.txt"),
        ("::error::", "%3A%3Aerror%3A%3A"),
    ])
    func escapesProperties(_ input: String, _ expected: String) {
        #expect(GitHubCommandText.property(input) == expected)
    }

    @Test func messageWithPercentAndLineBreaksStaysOneCommand() {
        let finding = Finding(
            check: .logFile, severity: .warning, subject: .file("a,b:c/100%.log"),
            message: "line one\r\nline two 100%\nthree", bytes: 1)
        let output = GitHubReporter.annotations(Self.outcome([finding]))
        #expect(
            output
                == "::warning file=a%2Cb%3Ac/100%25.log,title=ctxtrim%3A Log file (log-file)::"
                + "line one%0D%0Aline two 100%25%0Athree\n")
    }

    @Test func worstFirstThenByPathWithBudgetsAsErrors() {
        let findings = [
            Finding(check: .editorJunk, severity: .info, subject: .file("a.swp"), message: "junk", bytes: 1),
            Finding(check: .logFile, severity: .warning, subject: .file("z.log"), message: "log", bytes: 1),
            Finding(check: .logFile, severity: .warning, subject: .file("b.log"), message: "log", bytes: 1),
            Finding(check: .secretFile, severity: .error, subject: .file("y/.env"), message: "secret", bytes: 1),
        ]
        let budget = BudgetResult(name: "max-size", scope: .eligible, unit: .bytes, limit: 1, actual: 2)
        let lines = GitHubReporter.annotations(Self.outcome(findings, budgets: [budget])).split(separator: "\n")
        #expect(lines.map { $0.prefix { $0 != " " } } == ["::error", "::error", "::warning", "::warning", "::notice"])
        #expect(lines[0].contains("context-budget"))
        #expect(lines[1].contains("file=y/.env"))
        #expect(lines[2].contains("file=b.log"))
        #expect(lines[3].contains("file=z.log"))
    }

    @Test func jobSummaryStaysUnderOneMebibyte() {
        let findings = (0..<20_000).map {
            Finding(
                check: .logFile, severity: .warning,
                subject: .file("logs/\($0)/" + String(repeating: "x", count: 40) + ".log"),
                message: "`logs/\($0).log` is a log file: add `**/*.log` to .dockerignore.", bytes: 100)
        }
        let summary = GitHubReporter.jobSummary(Self.outcome(findings))
        #expect(summary.utf8.count <= GitHubReporter.jobSummaryLimit)
        #expect(summary.contains("_Truncated: "))
        #expect(
            summary.components(separatedBy: "<details>").count == summary.components(separatedBy: "</details>").count)
    }
}
