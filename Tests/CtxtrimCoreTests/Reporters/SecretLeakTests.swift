import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Reporters render only a finding's fields: a real scan of a context full of planted secrets, failing the check,
/// yields no format that carries a secret value.
@Suite struct SecretLeakTests {
    static let seed = TestSeeds.one(0x5EC2_E700_0000_0006)

    @Test func noFormatCarriesAPlantedSecret() throws {
        var random = SplitMix64(seed: Self.seed)
        let secrets = FakeSecret.all(using: &random)
        let scratch = try TemporaryTree("reporters")
        try scratch.write("Dockerfile", "FROM scratch\nCOPY . /app\n")
        try scratch.write(".dockerignore", "*.tmp\n")
        for (index, secret) in secrets.enumerated() {
            try scratch.write("config/settings-\(index).txt", "line one\n\(secret.text)\n")
        }
        let context = try BuildContext.resolve(context: scratch.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = false
        options.threads = 1
        let report = try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options)
            .scan()
        #expect(report.findings.contains { $0.check == "secret-content" }, "seed \(Self.seed)")
        let outcome = GateOutcome(
            report: report,
            budgets: [
                BudgetResult(name: "max-size", scope: .eligible, unit: .bytes, limit: 1, actual: report.sent.bytes)
            ])

        let outputs = [
            ("json", outcome.json.rendered()),
            ("sarif", SARIFReporter.render(outcome, toolVersion: "1.0.0")),
            ("github", GitHubReporter.annotations(outcome)),
            ("github summary", GitHubReporter.jobSummary(outcome)),
            ("gitlab", GitLabReporter.render(outcome)),
            ("markdown", MarkdownReporter.render(outcome)),
            ("text", CheckTextReporter.render(outcome, style: TextStyle(color: true))),
        ]
        for (format, output) in outputs {
            #expect(!output.isEmpty)
            for secret in secrets {
                for value in secret.values {
                    #expect(!output.contains(value), "\(format) carries a \(secret) value (seed \(Self.seed))")
                }
            }
            if format != "json" { #expect(!output.contains(scratch.path), "\(format) names the absolute root") }
        }
    }
}
