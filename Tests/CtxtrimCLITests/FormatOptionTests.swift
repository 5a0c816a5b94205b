import Foundation
import TestSupport
import Testing

/// `--format` chooses a reporter among those that render what the command produces: anything else is a usage
/// error naming the values it takes, and a scan is never a check (no job summary).
@Suite struct FormatOptionTests {
    func tree() throws -> TemporaryTree {
        let tree = try TemporaryTree("format")
        try tree.write("Dockerfile", "FROM scratch\nCOPY app.txt /\n")
        try tree.write(".dockerignore", "*.log\n")
        try tree.write("app.txt", "app\n")
        try tree.write(".env", "TOKEN=1\n")
        return tree
    }

    @Test(arguments: [
        (["ls"], "sarif", ["text", "tsv", "json"]), (["explain", "x"], "tsv", ["text", "json"]),
        (["scan"], "tsv", ["text", "json", "sarif", "github", "gitlab", "markdown"]),
        (["check"], "tsv", ["text", "json", "sarif", "github", "gitlab", "markdown"]),
    ])
    func aFormatTheCommandCannotRenderIsAUsageError(command: [String], format: String, values: [String]) throws {
        let tree = try tree()
        var arguments = command
        arguments.insert(tree.path, at: 1)
        let result = try CtxtrimProcess.run(arguments + ["--format", format])
        #expect(result.status == 64)
        let offered = result.stderr.components(separatedBy: "Please provide one of").last ?? ""
        #expect(result.stderr.contains("The value '\(format)' is invalid for '--format <format>'"))
        for value in values { #expect(offered.contains(value), "\(result.stderr)") }
        #expect(!offered.contains(format), "\(result.stderr)")
    }

    @Test func scanAllWritesOnlyTextOrJSON() throws {
        let tree = try tree()
        let result = try CtxtrimProcess.run(["scan", tree.path, "--all", "--format", "sarif"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("scan --all writes text or json; use check --all for the CI formats"))
    }

    /// `scan --format github` annotates the findings; only `check` appends the job summary with its verdict.
    @Test func aScanForGitHubAnnotatesButWritesNoJobSummary() throws {
        let tree = try tree()
        let summary = tree.path + "/../" + UUID().uuidString + "-summary.md"
        defer { try? FileManager.default.removeItem(atPath: summary) }
        let scan = try CtxtrimProcess.run(
            ["scan", tree.path, "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(scan.status == 0)
        #expect(scan.output.contains("title=ctxtrim%3A Secret file (secret-file)"))
        #expect(!FileManager.default.fileExists(atPath: summary))
        let check = try CtxtrimProcess.run(
            ["check", tree.path, "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(check.status == 1)
        #expect(check.output.contains("title=ctxtrim%3A Secret file (secret-file)"))
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("## ❌ ctxtrim check failed"))
    }
}
