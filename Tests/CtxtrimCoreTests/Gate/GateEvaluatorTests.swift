import Testing

@testable import CtxtrimCore

@Suite struct GateEvaluatorTests {
    func report(bytes: Int64 = 5000, files: Int = 50, findings: [Finding] = [], ignoreFile: String? = ".dockerignore")
        -> ScanReport
    {
        var report = ScanReport(
            context: .init(
                root: ".", dockerfile: "Dockerfile", dockerfileExists: true, ignoreFile: ignoreFile,
                ignoreFileOrigin: "context", patterns: 1, shadowedIgnoreFile: nil))
        report.sent = .init(files: files, bytes: bytes)
        report.findings = findings
        report.topLevelEntries = [
            ExclusionCandidate(path: "src", isDirectory: true, bytes: bytes - 1000, files: files - 1),
            ExclusionCandidate(path: "big.bin", isDirectory: false, bytes: 1000, files: 1),
        ]
        return report
    }

    let secret = Finding(check: .secretFile, severity: .error, subject: .file("config/.env"), message: "m", bytes: 10)
    let junk = Finding(check: .editorJunk, severity: .info, subject: .directory(".idea"), message: "m", bytes: 10)

    @Test func cleanContextPasses() throws {
        let outcome = try GateEvaluator.evaluate(report(), settings: GateSettings())
        #expect(!outcome.failed)
    }

    @Test func errorFindingFailsByDefaultAndNeverDoesNot() throws {
        #expect(try GateEvaluator.evaluate(report(findings: [secret]), settings: GateSettings()).failed)
        var settings = GateSettings()
        settings.failOn = .never
        #expect(!(try GateEvaluator.evaluate(report(findings: [secret]), settings: settings).failed))
    }

    @Test func infoFailsOnlyAtFailOnInfo() throws {
        #expect(!(try GateEvaluator.evaluate(report(findings: [junk]), settings: GateSettings()).failed))
        var settings = GateSettings()
        settings.failOn = .info
        #expect(try GateEvaluator.evaluate(report(findings: [junk]), settings: settings).failed)
    }

    @Test func budgetsOnEligibleAndTransferred() throws {
        var settings = GateSettings()
        settings.budgets.maxSize = 4000
        settings.budgets.maxFiles = 100
        settings.budgets.maxTransferredFiles = 10
        var scanned = report()
        scanned.build = .init(target: "0", sources: 1)
        scanned.build?.transferred = .init(files: 12, bytes: 900)
        let outcome = try GateEvaluator.evaluate(scanned, settings: settings)
        #expect(outcome.budgets.map(\.exceeded) == [true, false, true])
        #expect(outcome.budgets[2].actual == 12)
        #expect(outcome.failed)
        #expect(outcome.budgets[0].summary.contains("over the"))
    }

    @Test func aMissingIgnoreFileIsNoGateConditionOfItsOwn() throws {
        let outcome = try GateEvaluator.evaluate(report(ignoreFile: nil), settings: GateSettings())
        #expect(!outcome.failed)
        #expect(outcome.violations.isEmpty)
        guard case .object(let json) = outcome.json, case .object(let check) = json["check"] else {
            Issue.record("no check object")
            return
        }
        #expect(check["missingIgnoreFile"] == nil)
    }

    @Test func theIgnoreFileMissingWarningFailsOnlyAtFailOnWarning() throws {
        let missing = Finding(
            check: .ignoreFileMissing, severity: .warning, subject: .ignoreFile(".dockerignore"),
            message: "There is no .dockerignore", bytes: 10)
        let scanned = report(findings: [missing], ignoreFile: nil)
        #expect(!(try GateEvaluator.evaluate(scanned, settings: GateSettings()).failed))
        var settings = GateSettings()
        settings.failOn = .warning
        #expect(try GateEvaluator.evaluate(scanned, settings: settings).failed)
        // Turned off in the config, the scan grades the finding away before the gate sees it.
        settings.config.disabledChecks = [.ignoreFileMissing]
        var graded = scanned
        graded.findings = try settings.config.graded(scanned.findings)
        #expect(!(try GateEvaluator.evaluate(graded, settings: settings).failed))
    }

    @Test func suppressionsNeedTheirGlobAndCheck() throws {
        var config = CtxtrimConfig()
        config.suppressions = [.init(path: "config/**", checks: ["secret-file"], reason: "fixture keys", line: 3)]
        let kept = try config.graded([secret, junk])
        #expect(kept == [junk])
        config.suppressions = [.init(path: "other", checks: nil, reason: "r", line: 3)]
        #expect(try config.graded([secret, junk]).count == 2)
    }

    @Test func overridesAndDisabledChecks() throws {
        var config = CtxtrimConfig()
        config.severityOverrides = ["editor-junk": .error]
        config.disabledChecks = ["secret-file"]
        let graded = try config.graded([secret, junk])
        #expect(graded.map(\.check) == [.editorJunk])
        #expect(graded.first?.severity == .error)
    }

    @Test func baselineGrowthByTopLevelEntry() throws {
        let baselineJSON = report(bytes: 4000, files: 40).json.rendered()
        let baseline = try Baseline.parse(Array(baselineJSON.utf8), file: "base.json")
        #expect(baseline.sentBytes == 4000)
        #expect(baseline.topLevel["src"] == 3000)
        let growth = baseline.growth(to: report(bytes: 5000, files: 50), limit: .percent(10))
        #expect(growth.delta == 1000)
        #expect(growth.exceeded)
        #expect(growth.directories.map(\.path) == ["src"])
        #expect(growth.directories.first?.delta == 1000)
        #expect(!baseline.growth(to: report(bytes: 4300), limit: .percent(10)).exceeded)
    }

    @Test func baselineErrorsNameTheFile() throws {
        let missing = try #require(throws: Baseline.ReadError.self) {
            try Baseline.parse(Array("{}".utf8), file: "base.json")
        }
        #expect(missing.code == .notAReport && missing.field == "schemaVersion")
        #expect(missing.message == "base.json: not a ctxtrim JSON report: schemaVersion is missing")
        let schema = try #require(throws: Baseline.ReadError.self) {
            try Baseline.parse(
                Array(#"{"schemaVersion":9,"totals":{"sent":{"files":1,"bytes":1}}}"#.utf8), file: "b.json")
        }
        #expect(schema.code == .unsupportedSchema)
        #expect(schema.fix == "make a new one with `ctxtrim scan --format json > b.json`")
        let nested = try #require(throws: Baseline.ReadError.self) {
            try Baseline.parse(
                Array(#"{"schemaVersion":1,"totals":{"sent":{"files":1,"bytes":{}}}}"#.utf8), file: "b.json")
        }
        #expect(nested.field == "totals.sent.bytes", "\(nested)")
    }
}
