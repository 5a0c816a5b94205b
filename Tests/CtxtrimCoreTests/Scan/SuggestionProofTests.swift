import TestSupport
import Testing

@testable import CtxtrimCore

/// The `**/name` patterns findings advise are proven against the walked tree: kept when they exclude only flagged
/// entries, narrowed to the entry's own path (saying why) when another sent entry has the name.
@Suite struct SuggestionProofTests {
    static func findings(_ tree: TemporaryTree) throws -> [Finding] {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
            .findings
    }

    @Test func aNameOnlyFlaggedEntriesCarryKeepsItsRecursivePattern() throws {
        let tree = try TemporaryTree("proof")
        try tree.write("Dockerfile", "FROM node:22\nCOPY . /app\n")
        try tree.write(".dockerignore", "*.tmp\n")
        try tree.write("web/node_modules/a/index.js", "1\n")
        try tree.write("api/node_modules/b/index.js", "2\n")
        try tree.write("web/src/app.js", "3\n")
        let dependencies = try Self.findings(tree).filter { $0.check == .dependencyDir }
        #expect(dependencies.count == 2)
        #expect(dependencies.allSatisfy { $0.suggestion == "**/node_modules" })
        #expect(dependencies.allSatisfy { $0.message.contains("add `**/node_modules` to .dockerignore") })
    }

    @Test func aTrackedDirectoryOfTheSameNameNarrowsTheAdviceToThePath() throws {
        let tree = try TemporaryTree("proof")
        try tree.write("Dockerfile", "FROM golang:1.23\nCOPY . /src\n")
        try tree.write(".dockerignore", "*.tmp\n")
        try tree.write("internal/build/version.go", "package build\n")
        try tree.write("testdata/sample.log", "fixture\n")
        let git = try GitRepository.create(in: tree)
        try git.commitAll("sources")
        try tree.write("web/build/bundle.js", "console.log(1)\n")
        try tree.write("server.log", "started\n")
        let findings = try Self.findings(tree)
        let output = try #require(findings.first { $0.check == .buildOutput })
        #expect(output.path == "web/build")
        #expect(output.suggestion == "web/build")
        #expect(output.message.contains("add `web/build` (`**/build` would also exclude 1 other sent entry)"))
        let log = try #require(findings.first { $0.check == .logFile })
        #expect(log.suggestion == "server.log")
        #expect(log.message.contains("`**/*.log` would also exclude 1 other sent entry"))
    }

    @Test func aNameTheWalkDoesNotCountIsNeverAdvisedRecursively() {
        var finding = Finding(
            check: .secretFile, severity: .error, subject: .file("ci/.docker/config.json"),
            message: "add `**/.docker/config.json` to .dockerignore", bytes: 3)
        finding.suggestion = "**/.docker/config.json"
        let proven = SuggestionProof.proven([finding], names: SentNames())
        #expect(proven[0].suggestion == "ci/.docker/config.json")
        #expect(proven[0].message == "add `ci/.docker/config.json` to .dockerignore")
    }
}
