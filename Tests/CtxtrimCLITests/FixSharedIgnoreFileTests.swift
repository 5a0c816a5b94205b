import Foundation
import TestSupport
import Testing

/// `fix` on an ignore file that several builds read, `fix --check` and `fix --all`, run through the built binary on
/// real git repositories made at test time.
@Suite struct FixSharedIgnoreFileTests {
    /// A repository whose root `.dockerignore` three builds read: `src/ad/Dockerfile` and `src/cart/Dockerfile`
    /// (compose services built from the root) and `worker.Dockerfile` at the root; `tools.Dockerfile` has its own
    /// `tools.Dockerfile.dockerignore` and so does not read it.
    static func sharedRepository() throws -> (TemporaryTree, GitRepository) {
        let tree = try TemporaryTree("fix-shared")
        let git = try GitRepository.create(in: tree)
        try tree.write("src/ad/Dockerfile", "FROM eclipse-temurin:21\nCOPY src/ad /app\n")
        try tree.write("src/ad/Main.java", "class Main {}\n")
        try tree.write(
            "src/cart/Dockerfile",
            "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY src/cart /app\nCOPY telemetry-schema /schema\n")
        try tree.write("src/cart/Cart.cs", "class Cart {}\n")
        try tree.write("telemetry-schema/model/registry.yaml", "groups: []\n")
        try tree.write("worker.Dockerfile", "FROM golang:1.23\nCOPY protos /protos\n")
        try tree.write("protos/demo.proto", "syntax = \"proto3\";\n")
        try tree.write("tools.Dockerfile", "FROM alpine:3.20\nCOPY tools /tools\n")
        try tree.write("tools.Dockerfile.dockerignore", "*.tmp\n")
        try tree.write("tools/lint.sh", "#!/bin/sh\n")
        try tree.write("docs/architecture.md", String(repeating: "# Architecture\n", count: 400))
        try tree.write(
            "compose.yml",
            """
            services:
              ad:
                build:
                  context: ./
                  dockerfile: src/ad/Dockerfile
              cart:
                build:
                  context: ./
                  dockerfile: src/cart/Dockerfile

            """)
        try tree.write(".dockerignore", "*.log\n")
        try git.commitAll("demo")
        return (tree, git)
    }

    /// Whether each of `paths` (relative to `context`) is sent, by `explain`.
    static func sent(context: String, _ paths: [String]) throws -> [String: Bool] {
        let explain = try CtxtrimProcess.run(["explain", context, "--format", "json"] + paths)
        var sent: [String: Bool] = [:]
        for line in explain.lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            sent[try #require(object["path"] as? String)] = object["sent"] as? Bool
        }
        return sent
    }

    /// Seen on a real repository: `fix -f src/ad/Dockerfile` excluded `telemetry-schema`, which another Dockerfile
    /// built from the same context copies.
    @Test func fixingOneBuildKeepsWhatTheOtherBuildsOfTheIgnoreFileCopy() throws {
        let (tree, _) = try Self.sharedRepository()
        let run = try CtxtrimProcess.run(["fix", tree.path, "-f", tree.path("src/ad/Dockerfile")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("also read by: compose service `cart` (src/cart/Dockerfile)"), "\(run.output)")
        #expect(run.output.contains("also read by: Dockerfile worker.Dockerfile"), "\(run.output)")
        #expect(!run.output.contains("tools.Dockerfile"), "tools.Dockerfile reads its own ignore file")

        let written = try String(contentsOfFile: tree.path(".dockerignore"), encoding: .utf8)
        let sent = try Self.sent(
            context: tree.path,
            ["telemetry-schema/model/registry.yaml", "protos/demo.proto", "src/cart/Cart.cs", "docs/architecture.md"])
        #expect(sent["telemetry-schema/model/registry.yaml"] == true, "\(written)")
        #expect(sent["protos/demo.proto"] == true, "\(written)")
        #expect(sent["src/cart/Cart.cs"] == true, "\(written)")
        // What no build reads still goes: the protection is per source, not "exclude nothing".
        #expect(sent["docs/architecture.md"] == false, "\(written)")
    }

    @Test func aSharingBuildWhoseDockerfileCannotBeReadMakesFixRefuse() throws {
        let (tree, _) = try Self.sharedRepository()
        try tree.write("src/cart/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY\n")
        let run = try CtxtrimProcess.run(["fix", tree.path, "-f", tree.path("src/ad/Dockerfile")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("[fix.shared-build-unreadable]"), "\(run.stderr)")
        #expect(run.stderr.contains("compose service `cart` (src/cart/Dockerfile)"), "\(run.stderr)")
        #expect(try String(contentsOfFile: tree.path(".dockerignore"), encoding: .utf8) == "*.log\n")
    }

    @Test func checkExitsOneWithTheDiffWhenStaleAndZeroOnceFixed() throws {
        let (tree, _) = try Self.sharedRepository()
        let arguments = [tree.path, "-f", tree.path("src/ad/Dockerfile"), "--strategy", "deny"]
        let stale = try CtxtrimProcess.run(["fix", "--check"] + arguments)
        #expect(stale.status == 1, "\(stale.stderr)")
        #expect(stale.output.hasPrefix("--- a/.dockerignore\n+++ b/.dockerignore\n"), "\(stale.output)")
        #expect(stale.output.contains("+/docs\n") || stale.output.contains("+docs\n"), "\(stale.output)")
        #expect(stale.stderr.contains(".dockerignore is stale"), "\(stale.stderr)")
        #expect(try String(contentsOfFile: tree.path(".dockerignore"), encoding: .utf8) == "*.log\n")

        let fixed = try CtxtrimProcess.run(["fix"] + arguments)
        #expect(fixed.status == 0)
        #expect(fixed.output.contains("before → after"))
        let written = try Data(contentsOf: URL(fileURLWithPath: tree.path(".dockerignore")))

        let upToDate = try CtxtrimProcess.run(["fix", "--check"] + arguments)
        #expect(upToDate.status == 0, "\(upToDate.stderr)")
        #expect(upToDate.output.hasPrefix("no change: .dockerignore is up to date"), "\(upToDate.output)")
        #expect(!upToDate.stderr.contains("stale"))

        // A second run changes nothing and shows no shrink.
        let again = try CtxtrimProcess.run(["fix"] + arguments)
        #expect(again.status == 0)
        #expect(again.output.hasPrefix("no change: .dockerignore is up to date"), "\(again.output)")
        #expect(!again.output.contains("→") && !again.output.contains("%"), "\(again.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: tree.path(".dockerignore"))) == written)
    }

    @Test func fixAllFixesEveryIgnoreFileOfATwoContextRepository() throws {
        let tree = try TemporaryTree("fix-all")
        let git = try GitRepository.create(in: tree)
        try tree.write("api/Dockerfile", "FROM node:22\nCOPY package.json server.js /app/\n")
        try tree.write("api/package.json", "{}\n")
        try tree.write("api/server.js", "require('http')\n")
        try tree.write("api/node_modules/express/index.js", String(repeating: "x", count: 20_000))
        try tree.write("web/Dockerfile", "FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n")
        try tree.write("web/site/index.html", "<p>hi</p>\n")
        try tree.write("web/npm-debug.log", String(repeating: "debug\n", count: 2_000))
        try git.ignore(["node_modules/", "*.log"])
        try git.commitAll("two contexts")

        let run = try CtxtrimProcess.run(["fix", "--all", tree.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("== api/.dockerignore"), "\(run.output)")
        #expect(run.output.contains("== web/.dockerignore"), "\(run.output)")
        let api = try String(contentsOfFile: tree.path("api/.dockerignore"), encoding: .utf8)
        let web = try String(contentsOfFile: tree.path("web/.dockerignore"), encoding: .utf8)
        #expect(api.contains("node_modules"), "\(api)")
        #expect(web.contains("npm-debug.log") || web.contains("*.log"), "\(web)")
        let apiSent = try Self.sent(
            context: tree.path("api"), ["server.js", "package.json", "node_modules/express/index.js"])
        #expect(apiSent == ["server.js": true, "package.json": true, "node_modules/express/index.js": false])

        let check = try CtxtrimProcess.run(["fix", "--all", "--check", tree.path])
        #expect(check.status == 0, "\(check.output)\(check.stderr)")
        #expect(check.output.components(separatedBy: "no change:").count == 3, "\(check.output)")
    }

    @Test func fixAllLeavesAnIgnoreFileItCannotFixAndFixesTheOthers() throws {
        let tree = try TemporaryTree("fix-all-broken")
        let git = try GitRepository.create(in: tree)
        try tree.write("api/Dockerfile", "FROM node:22\nCOPY server.js /app/\n")
        try tree.write("api/server.js", "require('http')\n")
        try tree.write("api/debug.log", String(repeating: "debug\n", count: 2_000))
        try tree.write("broken/Dockerfile", "FROM alpine:3.20\nCOPPY a /a\n")
        try tree.write("broken/a", "a\n")
        try tree.write("broken/.dockerignore", "*.tmp\n")
        try git.commitAll("one broken build")

        let run = try CtxtrimProcess.run(["fix", "--all", tree.path])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.stderr.contains(#"Dockerfile:2: unknown instruction "COPPY""#), "\(run.stderr)")
        #expect(try String(contentsOfFile: tree.path("broken/.dockerignore"), encoding: .utf8) == "*.tmp\n")
        let api = try String(contentsOfFile: tree.path("api/.dockerignore"), encoding: .utf8)
        #expect(api.contains("# >>> ctxtrim"), "\(api)")
    }
}
