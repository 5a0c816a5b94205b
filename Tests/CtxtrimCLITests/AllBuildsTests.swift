import Foundation
import TestSupport
import Testing

@Suite struct AllBuildsTests {
    /// `Fixtures/compose` as a git repository: three services sharing `app/`, and `tools/` with its own Dockerfile.
    func repository(toolsIgnoreFile: Bool) throws -> TemporaryTree {
        let tree = try TemporaryTree("all")
        try tree.copyFixture("compose")
        if toolsIgnoreFile { try tree.write("tools/.dockerignore", "*.md\n") }
        try tree.write("app/node_modules/dep/index.js", String(repeating: "n", count: 2000))
        try GitRepository.create(in: tree).commitAll("init")
        return tree
    }

    @Test func scanAllListsEveryBuildOnce() throws {
        let tree = try repository(toolsIgnoreFile: true)
        let result = try CtxtrimProcess.run(["scan", "--all", tree.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let builds = try #require(document["builds"] as? [[String: Any]])
        #expect(builds.compactMap { $0["name"] as? String } == ["migrate", "web", "worker", "tools/Dockerfile"])
        #expect(builds.compactMap { $0["service"] as? String } == ["migrate", "web", "worker"])
        let web = try #require(builds.first { $0["name"] as? String == "web" }?["report"] as? [String: Any])
        let context = try #require(web["context"] as? [String: Any])
        #expect(context["root"] as? String == "app")
        let sent = try #require((web["totals"] as? [String: Any])?["sent"] as? [String: Any])
        // Dockerfile, worker.Dockerfile, both ignore files, package.json, two sources, the migration, logs/keep.log.
        #expect(sent["files"] as? Int == 9)
        let totals = try #require(document["totals"] as? [String: Any])
        #expect(totals["builds"] as? Int == 4)

        let text = try CtxtrimProcess.run(["scan", "--all", tree.path])
        #expect(text.status == 0)
        #expect(text.lines.first?.hasPrefix("build") == true)
        #expect(text.lines.contains { $0.hasPrefix("tools/Dockerfile") && $0.contains("tools") })
        // Two services send `app` with one ignore file: the total counts it once, and says who shares it.
        #expect(text.lines.contains { $0.hasPrefix("total") && $0.contains("3 contexts") })
        #expect(text.lines.contains { $0.contains("the 4 builds send") })
        #expect(text.lines.contains { $0.contains("app/.dockerignore (context app): migrate, web") })
    }

    /// Parser fixtures that docker build would refuse are test data, not builds: `check --all` passes and says
    /// what it skipped; `discovery.test-data: include` brings them back, and the gate then fails on them.
    @Test func checkAllSkipsTestDataAndSaysSo() throws {
        let tree = try TemporaryTree("all-testdata")
        try tree.write("svc/Dockerfile", "FROM alpine:3.20\nCOPY run.sh /\n")
        try tree.write("svc/run.sh", "echo\n")
        try tree.write("parser/testdata/broken/Dockerfile", "FROM alpine:3.20\nCOPY --chmod=999999 a /\n")
        let passed = try CtxtrimProcess.run(["check", "--all", tree.path])
        #expect(passed.status == 0, "\(passed.stdout) \(passed.stderr)")
        #expect(
            passed.output.contains("skipped 1 test-data or template file")
                && passed.output.contains("matched by **/testdata"))
        #expect(passed.output.contains("parser/testdata/broken/Dockerfile"))
        try tree.write(".ctxtrim.yml", "discovery:\n  test-data: include\n")
        let failed = try CtxtrimProcess.run(["check", "--all", tree.path])
        #expect(failed.status == 1, "\(failed.output)")
    }

    /// `check --all` ran every check during the walk and dropped the disabled ones afterwards, so a disabled
    /// `dependency-dir` still claimed `node_modules` and hid the log file `check` of the build alone reports.
    @Test func checkAllRunsEachBuildsOwnChecksAsCheckAloneDoes() throws {
        let tree = try TemporaryTree("all-config")
        try tree.write("svc/Dockerfile", "FROM node:20\nCOPY . /app\n")
        try tree.write("svc/.ctxtrim.yml", "checks:\n  dependency-dir: off\n")
        try tree.write("svc/.dockerignore", "node_modules/.bin\n")
        try tree.write("svc/node_modules/x/debug.log", "err\n")
        try tree.write("svc/node_modules/x/index.js", "x\n")
        func findings(_ arguments: [String], prefix: String = "") throws -> [String] {
            let result = try CtxtrimProcess.run(arguments + ["--format", "json"])
            let document = try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            let findings = try #require(document["findings"] as? [[String: Any]])
            return findings.compactMap { finding in
                (finding["check"] as? String).map { "\($0) \(prefix)\(finding["path"] as? String ?? "")" }
            }.sorted()
        }
        let alone = try findings(["check", tree.path("svc")], prefix: "svc/")
        #expect(alone.contains("log-file svc/node_modules/x/debug.log"), "\(alone)")
        #expect(try findings(["check", "--all", tree.path]) == alone)
    }

    /// A build docker build would refuse passed `check --all`, reported only in its JSON's `build.error`; now it
    /// fails under `dockerfile-invalid` with the file and line, and the other builds are still checked.
    @Test func checkAllFailsABuildDockerBuildWouldRefuse() throws {
        let tree = try TemporaryTree("all-broken")
        try tree.write("ok/Dockerfile", "FROM alpine:3.20\nCOPY a /a\n")
        try tree.write("ok/a", "x\n")
        try tree.write("ok/.dockerignore", "*.log\n")
        try tree.write("bad/Dockerfile", "FROM alpine:3.20\nCOPPY a /a\n")
        try tree.write("bad/.dockerignore", "*.log\n")
        let text = try CtxtrimProcess.run(["check", "--all", tree.path])
        #expect(text.status == 1, "\(text.output)\(text.stderr)")
        #expect(text.output.contains("1 of 2 builds failed: bad/Dockerfile"), "\(text.output)")
        #expect(text.output.contains(#"Dockerfile:2: unknown instruction "COPPY""#), "\(text.output)")
        #expect(text.output.contains("ok/Dockerfile (context ok)\n✔ ctxtrim check passed"), "\(text.output)")
        let github = try CtxtrimProcess.run(["check", "--all", tree.path, "--format", "github"])
        #expect(github.status == 1)
        #expect(
            github.lines.contains {
                $0.hasPrefix("::error file=bad/Dockerfile,") && $0.contains("(dockerfile-invalid)")
                    && $0.contains("bad/Dockerfile: Dockerfile:2: unknown instruction")
            }, "\(github.output)")
    }

    @Test func checkAllFailsWhenOneBuildFails() throws {
        let failing = try repository(toolsIgnoreFile: true)
        try failing.write("tools/.env", "CLI_TOKEN=local\n")
        let result = try CtxtrimProcess.run(["check", "--all", failing.path])
        #expect(result.status == 1, "\(result.output)\(result.stderr)")
        #expect(result.output.contains("1 of 4 builds failed: tools/Dockerfile"))

        let passing = try repository(toolsIgnoreFile: true)
        let passed = try CtxtrimProcess.run(["check", "--all", passing.path])
        #expect(passed.status == 0, "\(passed.output)\(passed.stderr)")
        #expect(passed.output.contains("all 4 builds passed"))
    }

    /// `tools/` (a Dockerfile and a script) failed `check --all` only because it had no ignore file.
    @Test func aBuildWithoutIgnoreFileButNothingToKeepOutPasses() throws {
        let tree = try repository(toolsIgnoreFile: false)
        let result = try CtxtrimProcess.run(["check", "--all", tree.path])
        #expect(result.status == 0, "\(result.output)\(result.stderr)")
        #expect(result.output.contains("all 4 builds passed"))
        let json = try CtxtrimProcess.run(["check", "--all", tree.path, "--format", "json"])
        #expect(!json.output.contains("ignore-file-missing"), "\(json.output)")
    }

    @Test func checkAllAnnotationsNameFilesFromTheRepositoryRoot() throws {
        let tree = try repository(toolsIgnoreFile: false)
        try tree.write("app/.env", "DATABASE_URL=postgres://user:pw@localhost/dev\n")
        let result = try CtxtrimProcess.run(["check", "--all", tree.path, "--format", "github"])
        #expect(result.status == 1)
        // Its only annotation is the notice that its base image has no digest.
        #expect(
            !result.lines.contains { $0.contains("file=tools/") && !$0.contains("(base-image-not-digest-pinned)") },
            "tools/ has nothing to keep out")
        // web and migrate anchor app/.env at the shared ignore file, once; worker at its own `COPY . .` line.
        let envLines = result.lines.filter { $0.contains("(secret-file)") }
        #expect(envLines.count == 2)
        #expect(envLines.contains { $0.hasPrefix("::error file=app/.dockerignore,line=1,") })
        #expect(envLines.contains { $0.hasPrefix("::error file=app/worker.Dockerfile,line=3,") })
        #expect(!result.output.contains("user:pw"))

        let sarif = try CtxtrimProcess.run(["check", "--all", tree.path, "--format", "sarif"])
        #expect(sarif.status == 1)
        #expect(sarif.output.contains("\"uri\" : \"app/") || sarif.output.contains("\"uri\": \"app/"))
    }

    @Test func allRefusesOptionsThatNameOneBuild() throws {
        let tree = try repository(toolsIgnoreFile: true)
        let result = try CtxtrimProcess.run(["check", "--all", tree.path, "-f", tree.path + "/app/Dockerfile"])
        #expect(result.status == 64)
    }

    @Test func malformedComposeIsAnErrorWithItsLine() throws {
        let tree = try repository(toolsIgnoreFile: true)
        try tree.write("compose.yaml", "services:\n  web:\n    build: [app\n")
        let result = try CtxtrimProcess.run(["scan", "--all", tree.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("compose.yaml:"))
    }
}
