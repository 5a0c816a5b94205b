import Foundation
import TestSupport
import Testing

/// `ctxtrim check` end to end: every exit status, budgets, baseline growth, configuration and CI formats.
@Suite struct CheckCommandTests {
    /// A clean context: an ignore file, sources, nothing flagged.
    func cleanContext() throws -> TemporaryTree {
        let tree = try TemporaryTree("check")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY src /src\n")
        try tree.write(".dockerignore", "tmp\n")
        try tree.write("src/main.c", String(repeating: "c", count: 2000))
        try tree.write("src/util.c", String(repeating: "u", count: 1000))
        return tree
    }

    static let fakeKey = ["-----BEGIN ", "OPENSSH PRIVATE KEY-----\n", "b3BlbnNzaC1rZXktdjEAAAAA\n"].joined()

    @Test func cleanContextExitsZeroAndSaysSoInOneLine() throws {
        let tree = try cleanContext()
        let result = try CtxtrimProcess.run(["check", tree.path])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.lines.count == 1)
        #expect(result.output.contains("passed"))
    }

    @Test func aSecretFailsWithExitOne() throws {
        let tree = try cleanContext()
        try tree.write("src/id_rsa", Self.fakeKey)
        let result = try CtxtrimProcess.run(["check", tree.path])
        #expect(result.status == 1)
        #expect(result.output.contains("src/id_rsa"))
        #expect(try CtxtrimProcess.run(["check", tree.path, "--fail-on", "never"]).status == 0)
    }

    @Test func budgetsOnTheEligibleContext() throws {
        let tree = try cleanContext()
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-size", "1KiB"]).status == 1)
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-size", "1MiB"]).status == 0)
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-files", "2"]).status == 1)
        let over = try CtxtrimProcess.run(["check", tree.path, "--max-files", "2"])
        #expect(over.output.contains("max-files"))
    }

    @Test func budgetOnWhatBuildKitTransfers() throws {
        let tree = try cleanContext()
        try tree.write("docs/big.pdf", String(repeating: "d", count: 50_000))
        // Eligible is over 40 KiB, but only src/ (3 KB) is transferred.
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-transferred-size", "10KiB"]).status == 0)
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-size", "10KiB"]).status == 1)
    }

    @Test func aMissingIgnoreFileAloneNoLongerFails() throws {
        let tree = try cleanContext()
        try FileManager.default.removeItem(atPath: tree.path + "/.dockerignore")
        let clean = try CtxtrimProcess.run(["check", tree.path])
        #expect(clean.status == 0, "\(clean.output)")
        #expect(clean.lines.count == 1 && clean.output.contains("passed"), "\(clean.output)")
        #expect(try CtxtrimProcess.run(["check", tree.path, "--fail-on", "warning"]).status == 0)

        // Something to keep out makes it a warning, which fails only `--fail-on warning`.
        try tree.write("node_modules/left-pad/index.js", "module.exports = 1\n")
        #expect(try CtxtrimProcess.run(["check", tree.path]).status == 0)
        let strict = try CtxtrimProcess.run(["check", tree.path, "--fail-on", "warning"])
        #expect(strict.status == 1)
        #expect(strict.output.contains("ignore-file-missing") && strict.output.contains("`node_modules/`"))
    }

    @Test func baselineGrowthFailsAndNamesTheDirectory() throws {
        let tree = try cleanContext()
        let baseline = try CtxtrimProcess.run(["scan", tree.path, "--format", "json"])
        let baselinePath = try tree.write("../\(UUID().uuidString)-baseline.json", data: baseline.stdout)
        defer { try? FileManager.default.removeItem(atPath: baselinePath) }
        try tree.write("assets/video.mp4", String(repeating: "v", count: 30_000))
        let grown = try CtxtrimProcess.run(["check", tree.path, "--baseline", baselinePath, "--max-growth", "10%"])
        #expect(grown.status == 1)
        #expect(grown.output.contains("assets"))
        #expect(
            try CtxtrimProcess.run(["check", tree.path, "--baseline", baselinePath, "--max-growth", "1MiB"]).status == 0
        )
    }

    @Test func configSuppressionsNeedAReasonAndWork() throws {
        let tree = try cleanContext()
        try tree.write("test/fixtures/id_rsa", Self.fakeKey)
        #expect(try CtxtrimProcess.run(["check", tree.path]).status == 1)
        try tree.write(
            ".ctxtrim.yml",
            "suppressions:\n  - path: test/fixtures/**\n    checks: [secret-file, secret-content]\n    reason: fake key for tests\n"
        )
        #expect(try CtxtrimProcess.run(["check", tree.path]).status == 0)
    }

    @Test func configErrorsNameFileAndLineAndExitTwo() throws {
        let tree = try cleanContext()
        try tree.write(".ctxtrim.yml", "budgets:\n  max-size: 1MiB\n  max-sise: 2MiB\n")
        let result = try CtxtrimProcess.run(["check", tree.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".ctxtrim.yml:3:"), "\(result.stderr)")
        try tree.write("other.yml", "checks:\n  no-such-check: off\n")
        let explicit = try CtxtrimProcess.run(["check", tree.path, "--config", tree.path + "/other.yml"])
        #expect(explicit.status == 2)
        #expect(explicit.stderr.contains("other.yml:2:"))
    }

    @Test func configBudgetsApplyAndOptionsWin() throws {
        let tree = try cleanContext()
        try tree.write(".ctxtrim.yml", "budgets:\n  max-size: 1KiB\n")
        #expect(try CtxtrimProcess.run(["check", tree.path]).status == 1)
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-size", "1MiB"]).status == 0)
    }

    @Test func usageErrorsExit64() throws {
        let tree = try cleanContext()
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-size", "huge"]).status == 64)
        #expect(try CtxtrimProcess.run(["check", tree.path, "--fail-on", "sometimes"]).status == 64)
        #expect(try CtxtrimProcess.run(["check", tree.path, "--max-growth", "5%"]).status == 64)
    }

    @Test func runtimeErrorsExitTwo() throws {
        #expect(try CtxtrimProcess.run(["check", "/nonexistent/ctxtrim"]).status == 2)
        let tree = try cleanContext()
        try tree.write(".dockerignore", "[\n")
        #expect(try CtxtrimProcess.run(["check", tree.path]).status == 2)
    }

    @Test func githubActionsPicksAnnotationsAndWritesTheStepSummary() throws {
        let tree = try cleanContext()
        try tree.write("src/.env", "TOKEN=" + "abc\n")
        let summary = tree.path + "/../\(UUID().uuidString)-summary.md"
        defer { try? FileManager.default.removeItem(atPath: summary) }
        try "previous step\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let result = try CtxtrimProcess.run(
            ["check", tree.path], environment: ["GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("::error "), "\(result.output)")
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("previous step\n"))
        #expect(written.count > "previous step\n".count)
    }

    @Test(arguments: ["json", "sarif", "gitlab", "markdown"])
    func outputFileGetsTheReportAndStdoutTheVerdict(format: String) throws {
        let tree = try cleanContext()
        let output = tree.path + "/../\(UUID().uuidString).\(format)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CtxtrimProcess.run(["check", tree.path, "--format", format, "--output", output])
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!text.isEmpty)
        #expect(!text.contains(tree.path), "machine formats carry no absolute paths")
        if format != "markdown" {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        }
    }

    @Test func dockerCLIPluginAnswersItsMetadataAndRunsCommands() throws {
        let directory = try TemporaryTree("plugin")
        let plugin = directory.path + "/docker-ctxtrim"
        try FileManager.default.createSymbolicLink(atPath: plugin, withDestinationPath: CtxtrimProcess.executable.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: plugin)
        process.arguments = ["docker-cli-plugin-metadata"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let metadata = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(metadata["SchemaVersion"] as? String == "0.1.0")
        #expect(metadata["Vendor"] as? String == "ctxtrim")

        let run = Process()
        run.executableURL = URL(fileURLWithPath: plugin)
        run.arguments = ["ctxtrim", "--version"]
        let out = Pipe()
        run.standardOutput = out
        try run.run()
        let version = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        #expect(!version.isEmpty)
    }
}
