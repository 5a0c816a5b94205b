import Foundation

@testable import CtxtrimCore

/// Files of the repository the reporter tests read: schemas and golden files, found from this source file.
enum ReporterFixtures {
    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ relativePath: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The official SARIF 2.1.0 schema (`Fixtures/sarif-schema-2.1.0.json`).
    static func sarifSchema() throws -> JSONValue { try JSONText.parse(read("Fixtures/sarif-schema-2.1.0.json")) }

    /// ctxtrim's own schema of the scan and check JSON (`schemas/scan-report.schema.json`).
    static func scanReportSchema() throws -> JSONValue { try JSONText.parse(read("schemas/scan-report.schema.json")) }

    /// The schema of `scan --all --format json` (`schemas/all-builds.schema.json`).
    static func allBuildsSchema() throws -> JSONValue { try JSONText.parse(read("schemas/all-builds.schema.json")) }
}
