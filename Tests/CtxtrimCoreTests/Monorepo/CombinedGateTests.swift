import Testing

@testable import CtxtrimCore

@Suite struct CombinedGateTests {
    static func outcome(
        _ name: String, context: String, findings: [Finding], budgets: [BudgetResult] = []
    ) -> BuildGateOutcome {
        var report = ScanReport(
            context: .init(
                root: context, dockerfile: "Dockerfile", dockerfileExists: true, ignoreFile: nil, ignoreFileOrigin: nil,
                patterns: 0, shadowedIgnoreFile: nil))
        report.sent = .init(files: 3, bytes: 300)
        report.findings = findings
        report.git = ScanReport.GitUsage(repository: "..")
        report.git?.contextPath = context == "." ? "" : context
        let build = DiscoveredBuild(
            name: name, context: context, dockerfile: context == "." ? "Dockerfile" : context + "/Dockerfile")
        return BuildGateOutcome(
            build: build, outcome: GateOutcome(report: report, budgets: budgets))
    }

    static let secret: Finding = {
        var finding = Finding(
            check: .secretFile, severity: .error, subject: .file(".env"), message: "dotenv", bytes: 10)
        finding.anchor = .init(file: ".dockerignore", line: 1)
        return finding
    }()

    @Test func findingsAndAnchorsBecomeRootRelativeAndSharedOnesAppearOnce() {
        let combined = CombinedGate.combine([
            Self.outcome("web", context: "app", findings: [Self.secret]),
            Self.outcome("worker", context: "app", findings: [Self.secret]),
            Self.outcome("root", context: ".", findings: [Self.secret]),
        ])
        #expect(combined.report.findings.map(\.path) == [".env", "app/.env"])
        #expect(combined.report.findings.map { $0.anchor?.file } == [".dockerignore", "app/.dockerignore"])
        #expect(combined.report.sent.files == 9)
        #expect(combined.report.git?.contextPath == "")
        #expect(combined.failed)
    }

    @Test func budgetsNameTheirBuildAndContextsWithoutIgnoreFilesPassAlone() {
        let budget = BudgetResult(name: "max-size", scope: .eligible, unit: .bytes, limit: 100, actual: 300)
        let outcomes = [
            Self.outcome("web", context: "app", findings: []),
            Self.outcome("tools", context: "tools", findings: [], budgets: [budget]),
        ]
        let combined = CombinedGate.combine(outcomes)
        #expect(combined.budgets.map(\.name) == ["max-size [tools]"])
        #expect(combined.violations.map(\.key) == ["max-size [tools]"])
        #expect(combined.report.context.dockerfile == "app/Dockerfile")
        #expect(CombinedGate.failed(outcomes))
        #expect(!CombinedGate.failed([outcomes[0]]))
        let text = CombinedGate.text(outcomes, style: TextStyle(color: false))
        #expect(text.hasSuffix("✘ 1 of 2 builds failed: tools\n"))
    }

    @Test(arguments: [
        ("services/api", "api", "services"), ("api", "api", ""), ("", ".", ""), ("repo/api", ".", "repo/api"),
    ])
    func repositoryPathDropsTheContext(contextPath: String, context: String, expected: String) {
        #expect(CombinedGate.repositoryPath(contextPath: contextPath, context: context) == expected)
    }
}
