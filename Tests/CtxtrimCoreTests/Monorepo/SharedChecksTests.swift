import TestSupport
import Testing

@testable import CtxtrimCore

/// Builds that send the same entries (one context, one ignore file) run the checks that do not depend on their
/// Dockerfile once; the ones that do (`large-file`, `untracked-bulk`, `git-ignored-sent`) still follow each
/// build's own transfer, so each build's findings equal its scan alone.
@Suite struct SharedChecksTests {
    @Test func buildsOfOneContextKeepTheirOwnTransferDependentFindings() throws {
        let tree = try TemporaryTree("shared-checks")
        try tree.write(".gitignore", "big.bin\ncache/\n*.log\n")
        try tree.write(".ctxtrim.yml", "large-file-threshold: 1KiB\n")
        try tree.write("src/main.py", "print(1)\n")
        try tree.write("requirements.txt", "flask\n")
        try tree.write("big.bin", String(repeating: "b", count: 4096))
        try tree.write("cache/blob.dat", String(repeating: "c", count: 3000))
        try tree.write("debug.log", "log\n")
        try tree.write(".env", "API_TOKEN=abc\n")
        try tree.write("Dockerfile", "FROM python:3.12\nCOPY . /app\n")
        try tree.write("slim.Dockerfile", "FROM python:3.12\nCOPY requirements.txt /app/\nCOPY src /app/src\n")
        try tree.write("data.Dockerfile", "FROM python:3.12\nCOPY big.bin /data/\n")
        try GitRepository.create(in: tree).commitAll("init")
        let builds = ["Dockerfile", "slim.Dockerfile", "data.Dockerfile"].map {
            DiscoveredBuild(name: $0, context: ".", dockerfile: $0)
        }
        let multi = try MultiContextScanner(root: tree.path, builds: builds, options: .init()).scan()
        var seen: [String: [String]] = [:]
        for scan in multi.builds {
            let alone = try MultiContextScannerTests.singleScan(scan.build, root: tree.path, options: .init())
            let describe = { (report: ScanReport) in
                report.findings.map { "\($0.check) \($0.path) \($0.severity) \($0.message)" }.sorted()
            }
            #expect(describe(scan.report) == describe(alone), "\(scan.build.name)")
            // Counts, top lists, git classes, transfer and fix candidates too: a follower adopts what is alike.
            #expect(
                MultiContextScannerTests.Comparable(scan.report) == MultiContextScannerTests.Comparable(alone),
                "\(scan.build.name)")
            #expect(scan.report.sentNames == alone.sentNames, "\(scan.build.name)")
            seen[scan.build.name] = scan.report.findings.map { "\($0.check) \($0.path)" }.sorted()
        }
        // The checks differ between the builds, so the test would see a leader's findings copied to a follower.
        let all = try #require(seen["Dockerfile"])
        let slim = try #require(seen["slim.Dockerfile"])
        let data = try #require(seen["data.Dockerfile"])
        #expect(all.contains("large-file big.bin"))
        #expect(!slim.contains("large-file big.bin"))
        #expect(data.contains("large-file big.bin"))
        #expect(all.contains("secret-file .env") && slim.contains("secret-file .env"))
        #expect(all != slim)
    }
}
