import Foundation
import TestSupport
import Testing

/// One `.ctxtrim.yml`, every command: `scan`, `check` and `fix` run the same checks, drop the same suppressed
/// findings and grade them alike.
@Suite struct ConfigAcrossCommandsTests {
    static let fakeKey = ["-----BEGIN ", "OPENSSH PRIVATE KEY-----\n", "b3BlbnNzaC1rZXktdjEAAAAA\n"].joined()

    /// A context with a fixture key the config suppresses, editor junk it turns off, and a log it grades as error.
    func configuredContext() throws -> TemporaryTree {
        let tree = try TemporaryTree("config-commands")
        // Pinned to a digest, so that base-image-not-digest-pinned stays out of the findings compared.
        try tree.write("Dockerfile", "FROM alpine:3.20@sha256:\(String(repeating: "0", count: 64))\nCOPY . /app\n")
        try tree.write(".dockerignore", "tmp\n")
        try tree.write("src/main.c", "int main(void) { return 0; }\n")
        try tree.write("tmp/scratch.txt", "kept out\n")
        try tree.write("test/fixtures/id_rsa", Self.fakeKey)
        try tree.write(".idea/workspace.xml", "<project/>\n")
        try tree.write("server.log", "started\n")
        try tree.write(
            ".ctxtrim.yml",
            """
            checks:
              editor-junk: off
              log-file: error
            suppressions:
              - path: test/fixtures/**
                reason: fake key for the parser's tests

            """)
        return tree
    }

    func findings(_ json: Data) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        return try #require(object["findings"] as? [[String: Any]])
    }

    @Test func scanReportsWhatCheckJudges() throws {
        let tree = try configuredContext()
        let scan = try CtxtrimProcess.run(["scan", "--format", "json", tree.path])
        #expect(scan.status == 0, "\(scan.stderr)")
        let scanned = try findings(scan.stdout)
        #expect(scanned.map { $0["check"] as? String } == ["log-file"])
        #expect(scanned.first?["severity"] as? String == "error")
        let check = try CtxtrimProcess.run(["check", "--format", "json", tree.path])
        #expect(check.status == 1)
        #expect(try findings(check.stdout).map { $0["path"] as? String } == scanned.map { $0["path"] as? String })
        // Without the config file the fixture key and the junk are back, in both commands.
        try tree.write("empty.yml", "")
        let plain = try CtxtrimProcess.run([
            "scan", "--format", "json", tree.path, "--config", tree.path + "/empty.yml",
        ])
        let checks = Set(try findings(plain.stdout).compactMap { $0["check"] as? String })
        #expect(checks.isSuperset(of: ["secret-file", "editor-junk", "log-file"]), "\(plain.stderr)")
    }

    @Test func fixLeavesWhatTheConfigSuppressesOrTurnsOff() throws {
        let tree = try configuredContext()
        let fix = try CtxtrimProcess.run(["fix", "--dry-run", tree.path])
        #expect(fix.status == 0, "\(fix.output)\(fix.stderr)")
        let added = fix.lines.filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(added.contains { $0.contains("server.log") || $0.contains("*.log") }, "\(fix.output)")
        #expect(!added.contains { $0.contains("test/fixtures") || $0.contains("id_rsa") }, "\(fix.output)")
        #expect(!added.contains { $0.contains(".idea") }, "\(fix.output)")
    }

    @Test func theLargeFileThresholdAppliesToScanAsToCheck() throws {
        let tree = try TemporaryTree("config-threshold")
        try tree.write("Dockerfile", "FROM postgres:16\nCOPY . /docker-entrypoint-initdb.d/\n")
        try tree.write(".dockerignore", "*.tmp\n")
        try tree.write("schema.sql", "CREATE TABLE t (id int);\n")
        try GitRepository.create(in: tree).commitAll("schema")
        try tree.write("dump.sql", String(repeating: "INSERT INTO t VALUES (1);\n", count: 100))
        try tree.write(".ctxtrim.yml", "large-file-threshold: 1KiB\n")
        for command in ["scan", "check"] {
            let result = try CtxtrimProcess.run([command, "--format", "json", tree.path])
            let large = try findings(result.stdout).filter { $0["check"] as? String == "large-file" }
            #expect(large.map { $0["path"] as? String } == ["dump.sql"], "\(command): \(result.stderr)")
        }
    }

    @Test func anUnknownCheckIsAnErrorListingTheValidOnesInEveryCommand() throws {
        let tree = try configuredContext()
        try tree.write(".ctxtrim.yml", "checks:\n  secrets-file: off\n")
        for command in ["scan", "check", "fix"] {
            let result = try CtxtrimProcess.run([command, tree.path])
            #expect(result.status == 2, "\(command): \(result.output)\(result.stderr)")
            #expect(result.stderr.contains(".ctxtrim.yml:2:"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("secret-file") && result.stderr.contains("vcs-dir"), "\(result.stderr)")
        }
    }
}
