import Foundation
import TestSupport
import Testing

/// `check --baseline` compares a build with its own past: a report of the whole repository (`scan --all`) or of
/// another context is refused with a coded error instead of a meaningless growth figure.
@Suite struct BaselineIdentityTests {
    /// A repository of two services, committed.
    func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("baseline-identity")
        for service in ["api", "web"] {
            try tree.write("\(service)/Dockerfile", "FROM alpine:3.20\nCOPY src /src\n")
            try tree.write("\(service)/.dockerignore", "*.log\n")
            try tree.write("\(service)/src/main.txt", String(repeating: service, count: 300))
            try tree.write("\(service)/debug.log", "x\n")
        }
        let git = try GitRepository.create(in: tree)
        try git.commitAll("two services")
        return tree
    }

    func baseline(_ arguments: [String], in tree: TemporaryTree, to name: String) throws -> String {
        let scan = try CtxtrimProcess.run(["scan", "--format", "json"] + arguments)
        #expect(scan.status == 0, "\(scan.stderr)")
        try tree.write(name, scan.output)
        return tree.path + "/" + name
    }

    @Test func aBaselineOfTheSameContextIsCompared() throws {
        let tree = try repository()
        let file = try baseline([tree.path + "/api"], in: tree, to: "api.json")
        let result = try CtxtrimProcess.run(["check", tree.path + "/api", "--baseline", file, "--max-growth", "5%"])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
    }

    @Test func aBaselineOfAnotherContextIsAnError() throws {
        let tree = try repository()
        let file = try baseline([tree.path + "/web"], in: tree, to: "web.json")
        let result = try CtxtrimProcess.run(["check", tree.path + "/api", "--baseline", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("[baseline.other-context]"), "\(result.stderr)")
        #expect(result.stderr.contains("\"web\"") && result.stderr.contains("\"api\""), "\(result.stderr)")
    }

    @Test func aScanAllReportIsAnError() throws {
        let tree = try repository()
        let file = try baseline(["--all", tree.path], in: tree, to: "all.json")
        let result = try CtxtrimProcess.run(["check", tree.path + "/api", "--baseline", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("[baseline.all-builds]"), "\(result.stderr)")
        #expect(result.stderr.contains("scan --format json"))
    }

    @Test func aBaselineFromAnotherCheckoutOfTheSameContextIsCompared() throws {
        let tree = try repository()
        let file = try baseline([tree.path + "/api"], in: tree, to: "api.json")
        let clone = try TemporaryTree("baseline-clone")
        _ = try GitRepository(at: clone.path).run(["clone", "-q", tree.path, clone.path + "/checkout"])
        let result = try CtxtrimProcess.run(["check", clone.path + "/checkout/api", "--baseline", file])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
    }
}
