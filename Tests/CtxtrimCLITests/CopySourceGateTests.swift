import Foundation
import TestSupport
import Testing

/// The copy-source checks through the built binary: they fail `check` and `check --all`, and CI formats anchor them
/// at the Dockerfile line.
@Suite struct CopySourceGateTests {
    /// Two services: `api` reads a file its ignore file excludes, `web` is clean.
    func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("copy-source")
        try tree.write("api/Dockerfile", "FROM python:3.12-slim\nWORKDIR /srv\nCOPY settings.toml app.py ./\n")
        try tree.write("api/.dockerignore", "*.toml\n!pyproject.toml\n")
        try tree.write("api/settings.toml", "debug = false\n")
        try tree.write("api/app.py", "print('api')\n")
        try tree.write("web/Dockerfile", "FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\n")
        try tree.write("web/.dockerignore", "node_modules\n")
        try tree.write("web/package.json", "{}\n")
        try tree.write("web/src/index.js", "console.log('web')\n")
        return tree
    }

    @Test func checkFailsOnAnExcludedSourceAndNamesBothLines() throws {
        let tree = try repository()
        let result = try CtxtrimProcess.run(["check", tree.path + "/api"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("copy-source-ignored"))
        #expect(result.output.contains("Dockerfile:3"))
        #expect(result.output.contains("`.dockerignore:1` (`*.toml`)"))
        #expect(try CtxtrimProcess.run(["check", tree.path + "/web"]).status == 0)
    }

    @Test func ciFormatsAnchorAtTheDockerfileLine() throws {
        let tree = try repository()
        let github = try CtxtrimProcess.run(["check", tree.path + "/api", "--format", "github"])
        #expect(github.lines.contains { $0.hasPrefix("::error file=Dockerfile,line=3,") && $0.contains("copy-source") })
        let sarif = try CtxtrimProcess.run(["check", tree.path + "/api", "--format", "sarif"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let copy = try #require(results.first { ($0["ruleId"] as? String) == "copy-source-ignored" })
        let location = try #require(
            (copy["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Dockerfile")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 3)
    }

    @Test func checkAllFailsEachBuildThatCannotReadItsSources() throws {
        let tree = try repository()
        try tree.write("web/Dockerfile", "FROM node:22-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\n")
        let result = try CtxtrimProcess.run(["check", "--all", tree.path])
        #expect(result.status == 1)
        #expect(result.output.contains("copy-source-ignored"))
        #expect(result.output.contains("copy-source-missing"))
        #expect(result.output.contains("2 of 2 builds failed"), "\(result.output)")
        let scan = try CtxtrimProcess.run(["scan", tree.path + "/web"])
        #expect(scan.output.contains("copy-source-missing"))
        #expect(scan.output.contains("yarn.lock"))
    }
}
