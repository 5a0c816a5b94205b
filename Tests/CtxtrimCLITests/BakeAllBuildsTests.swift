import Foundation
import TestSupport
import Testing

/// `scan --all` on a repository whose builds are declared in bake files, HCL at the root and JSON in `deploy/`.
@Suite struct BakeAllBuildsTests {
    func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("all-bake")
        try tree.write(
            "docker-bake.hcl",
            """
            variable "STAGE" { default = "runtime" }
            group "default" { targets = ["web"] }
            target "_base" {
              contexts = { shared = "libs" }
            }
            target "web" {
              inherits = ["_base"]
              context = "web"
              target = STAGE
            }
            """)
        try tree.write("docker-bake.override.hcl", "target \"web\" {\n  dockerfile = \"web.Dockerfile\"\n}\n")
        try tree.write("web/web.Dockerfile", "FROM alpine AS runtime\nCOPY src /src\n")
        try tree.write("web/src/app.js", String(repeating: "a", count: 300))
        try tree.write("web/notes.md", String(repeating: "n", count: 5000))
        try tree.write("libs/lib.js", "x\n")
        try tree.write(
            "deploy/docker-bake.json",
            """
            {"variable": {"DIR": {"default": "../api"}},
             "target": {"api": {"context": "${DIR}", "args": {"VERSION": "2"}}}}
            """)
        try tree.write("api/Dockerfile", "FROM alpine\nARG VERSION\nCOPY main.go /\n")
        try tree.write("api/main.go", "package main\n")
        try tree.write("api/vendor.bin", String(repeating: "v", count: 4000))
        try GitRepository.create(in: tree).commitAll("init")
        return tree
    }

    @Test func scanAllListsEveryBakeTargetAsItsOwnScanWouldReportIt() throws {
        let tree = try repository()
        let result = try CtxtrimProcess.run(["scan", "--all", tree.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let builds = try #require(document["builds"] as? [[String: Any]])
        #expect(builds.compactMap { $0["name"] as? String } == ["bake:api", "bake:web"])
        #expect(builds.compactMap { $0["context"] as? String } == ["api", "web"])
        #expect(builds.compactMap { $0["dockerfile"] as? String } == ["api/Dockerfile", "web/web.Dockerfile"])
        #expect(builds.compactMap { $0["target"] as? String } == ["runtime"])

        for (build, single) in [
            (0, ["scan", tree.path("api"), "--format", "json"]),
            (
                1,
                [
                    "scan", tree.path("web"), "-f", tree.path("web/web.Dockerfile"), "--target", "runtime", "--format",
                    "json",
                ]
            ),
        ] {
            let alone = try CtxtrimProcess.run(single)
            #expect(alone.status == 0, "\(alone.stderr)")
            let aloneReport = try #require(JSONSerialization.jsonObject(with: alone.stdout) as? [String: Any])
            let report = try #require(builds[build]["report"] as? [String: Any])
            func transfer(_ report: [String: Any]) -> [String: Int] {
                let totals = report["totals"] as? [String: Any]
                let sent = totals?["sent"] as? [String: Any]
                let transferred = totals?["transferred"] as? [String: Any]
                return [
                    "sentFiles": sent?["files"] as? Int ?? -1, "sentBytes": sent?["bytes"] as? Int ?? -1,
                    "transferredBytes": transferred?["bytes"] as? Int ?? -1,
                ]
            }
            #expect(transfer(report) == transfer(aloneReport), "build \(build)")
            #expect(transfer(report)["transferredBytes"] ?? -1 > 0, "build \(build)")
        }
    }

    @Test func aBakeFileBeyondTheSubsetFailsNamingItsLine() throws {
        let tree = try TemporaryTree("all-bake-bad")
        try tree.write("docker-bake.hcl", "target \"a\" {\n  tags = [\"x\"]\n  args = { for k in K : k => k }\n}\n")
        try tree.write("Dockerfile", "FROM alpine\n")
        let result = try CtxtrimProcess.run(["scan", "--all", tree.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("docker-bake.hcl:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("[bake.unsupported]"), "\(result.stderr)")
    }
}
