import Foundation
import TestSupport
import Testing

/// `--all` reads compose projects as docker compose does, and `--env-file`, `--compose-file` and
/// `--compose-environment` choose what it reads, through the built binary.
@Suite struct ComposeDiscoveryCLITests {
    /// A compose project with an `.env`, an override file, an include and a variant.
    func project() throws -> TemporaryTree {
        let tree = try TemporaryTree("compose-cli")
        try tree.write(".env", "API_STAGE=runtime\n")
        try tree.write("ci.env", "API_STAGE=ci\n")
        try tree.write(
            "compose.yaml",
            """
            include:
              - worker/compose.yaml
            services:
              api:
                build:
                  context: ./api
                  target: ${API_STAGE}
                  dockerfile: ${CTXTRIM_TEST_DOCKERFILE:-Dockerfile}

            """)
        try tree.write("compose.override.yaml", "services:\n  api:\n    build:\n      args: [MODE=dev]\n")
        try tree.write("compose.prod.yaml", "services:\n  api:\n    build:\n      target: prod\n")
        try tree.write("worker/compose.yaml", "services:\n  worker:\n    build: .\n")
        try tree.write("worker/Dockerfile", "FROM alpine:3.20\nCOPY job.sh /job.sh\n")
        try tree.write("worker/job.sh", "#!/bin/sh\n")
        try tree.write(
            "api/Dockerfile", "FROM alpine:3.20 AS prod\nCOPY main.go /src/\nFROM prod AS runtime\nFROM prod AS ci\n")
        try tree.write("api/env.Dockerfile", "FROM alpine:3.20\n")
        try tree.write("api/main.go", "package main\n")
        try tree.write("deploy/a.yaml", "services:\n  deployed:\n    build:\n      context: ../api\n")
        try tree.write("deploy/b.yaml", "services:\n  deployed:\n    build:\n      target: prod\n")
        return tree
    }

    func builds(
        _ arguments: [String], environment: [String: String] = [:]
    ) throws -> [String: [String: Any]] {
        let result = try CtxtrimProcess.run(arguments + ["--format", "json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let builds = try #require(document["builds"] as? [[String: Any]])
        return Dictionary(builds.map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func scanAllReadsTheProjectAsComposeDoes() throws {
        let tree = try project()
        let builds = try builds(["scan", "--all", tree.path])
        // env.Dockerfile, which no service names by default, is a build of its own.
        #expect(builds.keys.sorted() == ["api", "api/env.Dockerfile", "compose.prod.yaml:api", "worker"])
        let api = try #require(builds["api"])
        #expect(api["target"] as? String == "runtime" && api["dockerfile"] as? String == "api/Dockerfile")
        #expect(api["composeFile"] as? String == "compose.override.yaml")
        #expect(builds["compose.prod.yaml:api"]?["target"] as? String == "prod")
        let worker = try #require(builds["worker"]?["report"] as? [String: Any])
        #expect((worker["context"] as? [String: Any])?["root"] as? String == "worker")
        // The variable the environment sets is not read by default.
        let unread = try self.builds(
            ["scan", "--all", tree.path], environment: ["CTXTRIM_TEST_DOCKERFILE": "env.Dockerfile"])
        #expect(unread["api"]?["dockerfile"] as? String == "api/Dockerfile")
    }

    @Test func theUsersChoicesAreRead() throws {
        let tree = try project()
        let envFile = try builds(["scan", "--all", tree.path, "--env-file", tree.path("ci.env")])
        #expect(envFile["api"]?["target"] as? String == "ci")
        let environment = try builds(
            ["scan", "--all", tree.path, "--compose-environment"],
            environment: ["CTXTRIM_TEST_DOCKERFILE": "env.Dockerfile"])
        #expect(environment["api"]?["dockerfile"] as? String == "api/env.Dockerfile")
        // check --all reads the files given: this one's context does not exist.
        try tree.write("deploy/bad.yaml", "services:\n  bad:\n    build:\n      context: ../nowhere\n")
        let check = try CtxtrimProcess.run([
            "check", "--all", tree.path, "--compose-file", tree.path("deploy/bad.yaml"),
        ])
        #expect(check.status == 2 && check.stderr.contains("deploy/bad.yaml:4"), "\(check.stderr)")
        let scanned = try builds(
            [
                "scan", "--all", tree.path, "--compose-file", tree.path("deploy/a.yaml"), "--compose-file",
                tree.path("deploy/b.yaml"),
            ])
        #expect(scanned["deployed"]?["target"] as? String == "prod")
        #expect(scanned["deployed"]?["composeFile"] as? String == "deploy/b.yaml")
    }

    @Test func theComposeOptionsNeedAll() throws {
        let tree = try project()
        let result = try CtxtrimProcess.run(["scan", tree.path("api"), "--env-file", tree.path("ci.env")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("add --all"), "\(result.stderr)")
    }

    @Test func anIncludeLeavingTheTreeIsRefusedAtItsLine() throws {
        let scratch = try TemporaryTree("compose-cli-hostile")
        try scratch.write("secret/compose.yaml", "services:\n  leak:\n    build: .\n")
        try scratch.write(
            "repo/compose.yaml", "services:\n  app:\n    build: .\ninclude:\n  - ../secret/compose.yaml\n")
        try scratch.write("repo/Dockerfile", "FROM alpine:3.20\n")
        let result = try CtxtrimProcess.run(["scan", "--all", scratch.path("repo")])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("compose.yaml:5"), "\(result.stderr)")
        #expect(result.stderr.contains("monorepo.compose-file-outside-root"), "\(result.stderr)")
        #expect(result.output.isEmpty)
    }
}
