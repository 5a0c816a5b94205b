import TestSupport
import Testing

@testable import CtxtrimCore

/// The one order of findings: a total order, and every place that sorts findings uses it.
@Suite struct FindingOrderTests {
    static let seed: UInt64 = 0x0D0E_5000_0000_0003

    static func findings(using random: inout SplitMix64) -> [Finding] {
        let ids = CheckCatalog.all.map(\.id)
        let paths = [".dockerignore", "Dockerfile", "a", "a/b", "a-b", "B", "é", "z/.env"]
        return (0..<40).map { index in
            let line = Bool.random(using: &random) ? Int.random(in: 1...3, using: &random) : nil
            return Finding(
                check: ids.randomElement(using: &random)!, severity: Severity.allCases.randomElement(using: &random)!,
                subject: FindingSubject(kind: .file, path: paths.randomElement(using: &random)!, line: line),
                message: "m\(Int.random(in: 0...2, using: &random))", bytes: Int64(index % 3), files: index % 2)
        }
    }

    @Test func sameFindingsInAnyInputOrderComeOutTheSame() {
        var random = SplitMix64(seed: Self.seed)
        for _ in 0..<50 {
            let findings = Self.findings(using: &random)
            let sorted = FindingOrder.sorted(findings)
            #expect(FindingOrder.sorted(findings.shuffled(using: &random)) == sorted, "seed \(Self.seed)")
            #expect(FindingOrder.sorted(findings.shuffled(using: &random)) == sorted)
            #expect(findings.sorted(by: Finding.reportOrder) == sorted)
            for (lhs, rhs) in zip(sorted, sorted.dropFirst()) {
                #expect(!FindingOrder.precedes(rhs, lhs))
            }
        }
    }

    @Test func pathThenLineThenCatalogueOrder() {
        func finding(_ check: CheckID, _ path: String, line: Int? = nil) -> Finding {
            Finding(
                check: check, severity: .info, subject: FindingSubject(kind: .file, path: path, line: line),
                message: "m", bytes: 0)
        }
        let expected = [
            finding(.secretFile, ".env"), finding(.logFile, ".env"), finding(.secretContent, ".env", line: 2),
            finding(.ignoreUnusedPattern, ".env", line: 3), finding(.secretFile, "Z"), finding(.secretFile, "a"),
        ]
        #expect(FindingOrder.sorted(expected.reversed()) == expected)
        let worst = [finding(.logFile, "b"), finding(.secretFile, "a")].map {
            var finding = $0
            finding.severity = $0.check == .logFile ? .error : .info
            return finding
        }
        #expect(worst.sorted(by: FindingOrder.worstFirst).map(\.path) == ["b", "a"])
    }

    @Test func checksAndLintComeOutInTheOneOrder() throws {
        let context = try TemporaryContext()
        try context.write("logs/a.log", "x")
        try context.write("logs/.env", "x")
        try context.write(".env", "x")
        try context.write("b.log", "x")
        let findings = try context.runChecks()
        #expect(!findings.isEmpty)
        #expect(findings == FindingOrder.sorted(findings))
        let lint = try LintContext(
            files: [".dockerignore": "*.tmp # x\n*.tmp\n!**/k*\n", "Dockerfile": "FROM node\nCOPY . .\nRUN npm ci\n"]
        ).findings()
        #expect(lint.count > 2)
        #expect(lint == FindingOrder.sorted(lint))
    }
}
