import TestSupport
import Testing

@testable import CtxtrimCore

/// A compose build field whose variable has no value is a warning at the compose file's line, as compose warns, and
/// the build's `.ctxtrim.yml` grades it like any finding.
@Suite struct DeclarationFindingsTests {
    func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("declaration")
        try tree.write(
            "compose.yaml",
            """
            services:
              api:
                image: api
                build:
                  context: ./api
                  dockerfile: ${API_DOCKERFILE}
              web:
                build: ./web
            """)
        try tree.write("api/Dockerfile", "FROM alpine:3.20\n")
        try tree.write("web/Dockerfile", "FROM alpine:3.20\n")
        return tree
    }

    @Test func anUnsetVariableIsAWarningAtTheBuildLine() throws {
        let tree = try repository()
        let discovery = try BuildDiscovery.run(root: tree.path)
        let report = try MultiContextScanner(root: tree.path, discovery: discovery, options: .init()).scan()
        let api = try #require(report.builds.first { $0.build.name == "api" })
        let finding = try #require(api.report.findings.first { $0.check == .composeVariableUnset })
        #expect(finding.severity == .warning)
        #expect(finding.subject == .declarationLine("../compose.yaml", line: 4))
        #expect(finding.message.contains("${API_DOCKERFILE}"))
        let web = try #require(report.builds.first { $0.build.name == "web" })
        #expect(!web.report.findings.contains { $0.check == .composeVariableUnset })
        #expect(CheckCatalog.descriptor(for: finding.check)?.subjects == [.declarationLine])

        // In `check --all`'s combined report the compose file is named from the repository root.
        let combined = CombinedGate.prefixed(finding, context: api.build.context)
        #expect(combined.path == "compose.yaml")
    }

    @Test func aValueInDotEnvOrTheBuildsConfigQuietsIt() throws {
        let tree = try repository()
        try tree.write("api/.ctxtrim.yml", "checks:\n  compose-variable-unset: off\n")
        var report = try MultiContextScanner(
            root: tree.path, discovery: BuildDiscovery.run(root: tree.path), options: .init()
        ).scan()
        #expect(report.builds.allSatisfy { !$0.report.findings.contains { $0.check == .composeVariableUnset } })

        try tree.write("api/.ctxtrim.yml", "checks:\n  compose-variable-unset: error\n")
        report = try MultiContextScanner(
            root: tree.path, discovery: BuildDiscovery.run(root: tree.path), options: .init()
        ).scan()
        let graded = report.builds.flatMap(\.report.findings).filter { $0.check == .composeVariableUnset }
        #expect(graded.map(\.severity) == [.error])

        try tree.write(".env", "API_DOCKERFILE=Dockerfile\n")
        report = try MultiContextScanner(
            root: tree.path, discovery: BuildDiscovery.run(root: tree.path), options: .init()
        ).scan()
        #expect(report.builds.allSatisfy { !$0.report.findings.contains { $0.check == .composeVariableUnset } })
    }

    @Test func relativePathsFromAContext() {
        #expect(DeclarationFindings.relativePath(from: "api", to: "compose.yaml") == "../compose.yaml")
        #expect(DeclarationFindings.relativePath(from: ".", to: "deploy/compose.yaml") == "deploy/compose.yaml")
        #expect(DeclarationFindings.relativePath(from: "a/b", to: "a/compose.yaml") == "../compose.yaml")
        #expect(DeclarationFindings.relativePath(from: "a", to: "a/compose.yaml") == "compose.yaml")
    }
}
