import TestSupport
import Testing

@testable import CtxtrimCore

/// Every JSON output validates against its schema: the scan/check JSON against `schemas/scan-report.schema.json`,
/// SARIF against the official 2.1.0 schema; on the sample outcome and on random ones.
@Suite struct ReporterSchemaTests {
    static let seed = TestSeeds.one(0x5A81_F000_0000_0006)

    static func errors(_ text: String, schema: JSONValue) throws -> [String] {
        try JSONSchemaValidator(schema: schema).errors(in: JSONText.parse(text))
    }

    @Test func checkJSONValidates() throws {
        let text = SampleOutcome.failing().json.rendered()
        #expect(try Self.errors(text, schema: ReporterFixtures.scanReportSchema()) == [])
    }

    @Test func scanJSONValidatesWithoutCheckObject() throws {
        var report = SampleOutcome.failing().report
        report.git = nil
        #expect(try Self.errors(report.json.rendered(), schema: ReporterFixtures.scanReportSchema()) == [])
    }

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let text = SARIFReporter.render(SampleOutcome.failing(), toolVersion: "0.4.0", pathPrefix: "services/api")
        #expect(try Self.errors(text, schema: ReporterFixtures.sarifSchema()) == [])
    }

    /// The validator is not vacuous on the real schemas: broken documents are rejected.
    @Test func brokenDocumentsAreRejected() throws {
        let sarif = SARIFReporter.render(SampleOutcome.failing(), toolVersion: "0.4.0")
        let badLevel = sarif.replacingOccurrences(of: #""level": "note""#, with: #""level": "fatal""#)
        #expect(try !Self.errors(badLevel, schema: ReporterFixtures.sarifSchema()).isEmpty)
        let badVersion = sarif.replacingOccurrences(of: #""version": "2.1.0""#, with: #""version": "2.0""#)
        #expect(try !Self.errors(badVersion, schema: ReporterFixtures.sarifSchema()).isEmpty)

        let json = SampleOutcome.failing().json.rendered()
        let badSeverity = json.replacingOccurrences(of: #""severity": "info""#, with: #""severity": "fatal""#)
        #expect(try !Self.errors(badSeverity, schema: ReporterFixtures.scanReportSchema()).isEmpty)
        let extraKey = json.replacingOccurrences(of: #""failOn": "error""#, with: #""failOn": "error", "extra": 1"#)
        #expect(try !Self.errors(extraKey, schema: ReporterFixtures.scanReportSchema()).isEmpty)
    }

    /// Random outcomes: every JSON format validates, renders identically twice, and names no absolute path.
    @Test func randomOutcomesValidate() throws {
        let scanSchema = try JSONSchemaValidator(schema: ReporterFixtures.scanReportSchema())
        let sarifSchema = try JSONSchemaValidator(schema: ReporterFixtures.sarifSchema())
        var random = SplitMix64(seed: Self.seed)
        for round in 0..<40 {
            let outcome = RandomOutcome.make(using: &random)
            let json = outcome.json.rendered()
            let sarif = SARIFReporter.render(outcome, toolVersion: "1.0.0")
            let gitlab = GitLabReporter.render(outcome)
            let context = "seed \(Self.seed) round \(round)"
            #expect(scanSchema.errors(in: try JSONText.parse(json)) == [], "\(context)")
            #expect(sarifSchema.errors(in: try JSONText.parse(sarif)) == [], "\(context)")
            #expect(json == outcome.json.rendered(), "\(context)")
            #expect(sarif == SARIFReporter.render(outcome, toolVersion: "1.0.0"), "\(context)")
            for text in [sarif, gitlab, GitHubReporter.annotations(outcome), MarkdownReporter.render(outcome)] {
                #expect(!text.contains(RandomOutcome.absoluteRoot), "\(context)")
            }
        }
    }
}
