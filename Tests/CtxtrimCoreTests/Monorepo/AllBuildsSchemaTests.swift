import Testing

@testable import CtxtrimCore

/// The `scan --all` JSON document validates against its schema, and each build's report against the scan schema.
@Suite struct AllBuildsSchemaTests {
    @Test func everyBuildReportAndTheDocumentValidate() throws {
        let repository = try ComposeRepository()
        let builds = try BuildDiscovery.discover(root: repository.path)
        let multi = try MultiContextScanner(root: repository.path, builds: builds, options: .init()).scan()
        #expect(multi.builds.count == 4)
        let document = try JSONText.parse(multi.json.rendered())
        #expect(try JSONSchemaValidator(schema: ReporterFixtures.allBuildsSchema()).errors(in: document) == [])
        let scanSchema = try JSONSchemaValidator(schema: ReporterFixtures.scanReportSchema())
        for scan in multi.builds {
            #expect(try scanSchema.errors(in: JSONText.parse(scan.report.json.rendered())) == [], "\(scan.build.name)")
        }
    }
}
