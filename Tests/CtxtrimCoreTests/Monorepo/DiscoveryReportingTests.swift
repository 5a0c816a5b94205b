import TestSupport
import Testing

@testable import CtxtrimCore

/// What `--all` leaves out (test data, `discovery.exclude`), how it names builds, and how it reports shared contexts.
@Suite struct DiscoveryReportingTests {
    /// A repository with one real service, parser fixtures and golden files that hold Dockerfiles nobody builds.
    func repository(config: String? = nil) throws -> TemporaryTree {
        let tree = try TemporaryTree("discovery")
        try tree.write("svc/Dockerfile", "FROM alpine:3.20\nCOPY main.sh /\n")
        try tree.write("svc/main.sh", "echo hi\n")
        try tree.write("parser/testdata/bad/Dockerfile", "FRM nothing\n")
        try tree.write("frontend/parser/testfiles-negative/env/Dockerfile", "ENV\n")
        try tree.write("web/__fixtures__/compose.yaml", "services: [not, a, mapping]\n")
        // A fuzz seed in SwiftPM's `Fixtures/`, which no build reads.
        try tree.write("Fixtures/fuzz/Dockerfile", "FRM nothing\n")
        try tree.write("examples/demo/Dockerfile", "FROM alpine:3.20\n")
        try tree.write("eng/dockerfile-templates/Dockerfile.linux", "{{InsertTemplate(\"base\")}}\n")
        if let config { try tree.write(".ctxtrim.yml", config) }
        return tree
    }

    @Test func testDataIsSkippedByDefaultAndShownWithThePatternThatMatched() throws {
        let tree = try repository()
        let discovery = try BuildDiscovery.run(root: tree.path)
        #expect(discovery.builds.map(\.name) == ["examples/demo/Dockerfile", "svc/Dockerfile"])
        #expect(
            discovery.skipped.map { "\($0.path) \($0.skip.pattern)" } == [
                "Fixtures/fuzz/Dockerfile **/Fixtures",
                "eng/dockerfile-templates/Dockerfile.linux **/*-templates",
                "frontend/parser/testfiles-negative/env/Dockerfile **/testfile*",
                "parser/testdata/bad/Dockerfile **/testdata",
                "web/__fixtures__/compose.yaml **/__fixtures__",
            ])
        #expect(discovery.skipped.allSatisfy { $0.skip.isTestData })
    }

    @Test func configExcludesPathsAndCanTakeTestDataBack() throws {
        let tree = try repository(config: "discovery:\n  exclude:\n    - examples\n  test-data: include\n")
        // The malformed compose file in the fixtures is read again, and is an error with its line.
        #expect(throws: MonorepoError.self) { try BuildDiscovery.run(root: tree.path) }
        try tree.write("web/__fixtures__/compose.yaml", "services: {}\n")
        let discovery = try BuildDiscovery.run(root: tree.path)
        #expect(discovery.builds.map(\.name).contains("parser/testdata/bad/Dockerfile"))
        #expect(!discovery.builds.map(\.name).contains("examples/demo/Dockerfile"))
        let skipped = try #require(discovery.skipped.first)
        #expect(skipped.path == "examples/demo/Dockerfile")
        #expect(skipped.skip == .init(pattern: "examples", isTestData: false, line: 3))
        #expect(discovery.configSource == ".ctxtrim.yml")
    }

    @Test func aBadDiscoverySettingIsAnErrorWithItsLine() throws {
        let tree = try repository(config: "discovery:\n  exclude: ['[']\n")
        let error = try #require(throws: ConfigError.self) { try BuildDiscovery.run(root: tree.path) }
        #expect(error.line == 2)
        try tree.write(".ctxtrim.yml", "discovery:\n  test-data: maybe\n")
        #expect(throws: ConfigError.self) { try BuildDiscovery.run(root: tree.path) }
    }

    @Test func namesAreUniqueAcrossComposeFilesAndTargets() throws {
        let tree = try TemporaryTree("names")
        for project in ["shop", "blog"] {
            try tree.write("\(project)/compose.yaml", "services:\n  web:\n    build: .\n")
            try tree.write("\(project)/Dockerfile", "FROM alpine:3.20\n")
        }
        try tree.write(
            "infra/compose.yaml",
            """
            services:
              api:
                build: {context: ., dockerfile: multi.Dockerfile, target: api}
              jobs:
                build: {context: ., dockerfile: multi.Dockerfile, target: jobs}
            """)
        try tree.write("infra/multi.Dockerfile", "FROM alpine:3.20 AS api\nFROM alpine:3.20 AS jobs\n")
        let names = try BuildDiscovery.run(root: tree.path).builds.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        #expect(names.contains("shop/compose.yaml:web"))
        #expect(names.contains("blog/compose.yaml:web"))
        #expect(names.contains("api") && names.contains("jobs"))

        let builds = [
            DiscoveredBuild(name: "x/Dockerfile", context: "x", dockerfile: "x/Dockerfile", target: "test"),
            DiscoveredBuild(name: "x/Dockerfile", context: "x", dockerfile: "x/Dockerfile", target: "prod"),
            DiscoveredBuild(name: "y/Dockerfile", context: "y", dockerfile: "y/Dockerfile"),
        ]
        #expect(
            BuildNames.uniquify(builds).map(\.name) == ["x/Dockerfile:test", "x/Dockerfile:prod", "y/Dockerfile"])
    }

    @Test func theTableFitsOneHundredColumnsUnlessWide() throws {
        let tree = try TemporaryTree("wide")
        let deep = "services/payments/internal/reconciliation/batch-processor"
        try tree.write("\(deep)/Dockerfile", "FROM alpine:3.20\nCOPY . /app\n")
        try tree.write("\(deep)/job.sh", "echo\n")
        try tree.write("services/payments/internal/reconciliation/api/Dockerfile", "FROM alpine:3.20\n")
        let discovery = try BuildDiscovery.run(root: tree.path)
        let report = try MultiContextScanner(root: tree.path, discovery: discovery, options: .init()).scan()
        let narrow = report.text(style: TextStyle(color: false)).split(separator: "\n")
        #expect(narrow.allSatisfy { $0.count <= MultiScanReport.tableWidth }, "\(narrow)")
        #expect(narrow.contains { $0.hasPrefix("services/") && $0.contains("…") && $0.contains("rocessor/Dockerfile") })
        let wide = report.text(style: TextStyle(color: false), wide: true).split(separator: "\n")
        #expect(wide.contains { $0.hasPrefix("\(deep)/Dockerfile  \(deep)  ") })
    }

    @Test func theJSONHoldsTheWholeDiscovery() throws {
        let tree = try repository()
        let discovery = try BuildDiscovery.run(root: tree.path)
        let report = try MultiContextScanner(root: tree.path, discovery: discovery, options: .init()).scan()
        let document = try JSONText.parse(report.json.rendered())
        #expect(try JSONSchemaValidator(schema: ReporterFixtures.allBuildsSchema()).errors(in: document) == [])
        guard case .object(let top) = document, case .object(let found)? = top["discovery"],
            case .array(let skipped)? = found["skipped"], case .array(let contexts)? = top["contexts"]
        else {
            Issue.record("no discovery in \(document)")
            return
        }
        #expect(skipped.count == 5)
        #expect(contexts.count == 2)
        let text = report.text(style: TextStyle(color: false))
        #expect(text.contains("skipped 5 test-data or template files"))
        #expect(text.contains("Fixtures/fuzz/Dockerfile, eng/dockerfile-templates/Dockerfile.linux, and 3 more"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= MultiScanReport.tableWidth })
    }
}
