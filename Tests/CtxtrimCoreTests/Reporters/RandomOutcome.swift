import TestSupport

@testable import CtxtrimCore

/// Random gate outcomes for property tests, drawn from a seeded `SplitMix64`.
enum RandomOutcome {
    /// An absolute path given as the context root and the Dockerfile; no machine format but the JSON may show it.
    static let absoluteRoot = "/home/runner/work/app"

    static let nameAlphabet = "abcxyz019._-:,% é#?[]"

    static func make(using random: inout SplitMix64) -> GateOutcome {
        let dockerfileOutside = Bool.random(using: &random)
        var report = ScanReport(
            context: .init(
                root: absoluteRoot, dockerfile: dockerfileOutside ? absoluteRoot + "/../Dockerfile" : "Dockerfile",
                dockerfileExists: Bool.random(using: &random),
                ignoreFile: Bool.random(using: &random) ? ".dockerignore" : nil,
                ignoreFileOrigin: "context", patterns: Int.random(in: 0...40, using: &random), shadowedIgnoreFile: nil))
        report.sent = .init(
            files: Int.random(in: 0...1_000_000, using: &random), bytes: Int64.random(in: 0...1 << 40, using: &random))
        report.excluded = .init(
            files: Int.random(in: 0...1000, using: &random), bytes: Int64.random(in: 0...1 << 30, using: &random))
        let checks = CheckCatalog.all.filter(\.family.isConfigurable)
        report.findings = (0..<Int.random(in: 0...30, using: &random)).map { _ in
            let check = checks.randomElement(using: &random)!
            let kind = check.subjects.randomElement(using: &random)!
            let lined =
                kind == .ignoreFileLine || kind == .dockerfileLine || (kind == .file && Bool.random(using: &random))
            var finding = Finding(
                check: check.id, severity: Severity.allCases.randomElement(using: &random)!,
                subject: FindingSubject(
                    kind: kind, path: path(using: &random),
                    line: lined ? Int.random(in: 1...500, using: &random) : nil),
                message: "message "
                    + random.string(Int.random(in: 1...30, using: &random), from: nameAlphabet + "\n\r`<|"),
                bytes: Int64.random(in: 0...1 << 32, using: &random), files: Int.random(in: 0...5, using: &random))
            if Int.random(in: 0..<4, using: &random) == 0 {
                finding.anchor = .init(
                    file: Bool.random(using: &random) ? "Dockerfile" : absoluteRoot + "/Dockerfile",
                    line: Int.random(in: 1...50, using: &random))
            }
            return finding
        }
        report.findings.sort(by: FindingOrder.precedes)
        let budgets = (0..<Int.random(in: 0...3, using: &random)).map { index in
            BudgetResult(
                name: ["max-size", "max-files", "max-transferred-size"][index],
                scope: Bool.random(using: &random) ? .eligible : .transferred,
                unit: Bool.random(using: &random) ? .bytes : .files,
                limit: Int64.random(in: 0...1 << 32, using: &random),
                actual: Int64.random(in: 0...1 << 32, using: &random))
        }
        var growth: GrowthResult?
        if Bool.random(using: &random) {
            let limits: [GrowthLimit?] = [nil, .percent(12.5), .bytes(1 << 20)]
            growth = GrowthResult(
                baselineBytes: Int64.random(in: 0...1 << 32, using: &random),
                currentBytes: Int64.random(in: 0...1 << 32, using: &random), baselineFiles: 10, currentFiles: 12,
                limit: limits.randomElement(using: &random)!,
                directories: (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    .init(
                        path: path(using: &random), before: Int64.random(in: 0...1 << 30, using: &random),
                        after: Int64.random(in: 0...1 << 30, using: &random))
                })
        }
        return GateOutcome(
            report: report, budgets: budgets, growth: growth,
            failOn: FailThreshold.allCases.randomElement(using: &random)!)
    }

    /// A relative path of one to three components drawn from `nameAlphabet`.
    static func path(using random: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in
            var name = random.string(Int.random(in: 1...8, using: &random), from: nameAlphabet)
            if name == "." || name == ".." { name = "x" + name }
            return name
        }.joined(separator: "/")
    }
}
