import Foundation
import TestSupport

@testable import CtxtrimCore

/// Files of the repository the reporter tests read: the schemas.
enum ReporterFixtures {
    static func read(_ relativePath: String) throws -> String { try PackageRoot.read(relativePath) }

    /// The official SARIF 2.1.0 schema (`Fixtures/sarif-schema-2.1.0.json`).
    static func sarifSchema() throws -> JSONValue { try JSONText.parse(read("Fixtures/sarif-schema-2.1.0.json")) }

    /// ctxtrim's own schema of the scan and check JSON (`schemas/scan-report.schema.json`).
    static func scanReportSchema() throws -> JSONValue { try JSONText.parse(read("schemas/scan-report.schema.json")) }

    /// The schema of `scan --all --format json` (`schemas/all-builds.schema.json`).
    static func allBuildsSchema() throws -> JSONValue { try JSONText.parse(read("schemas/all-builds.schema.json")) }
}
