import Foundation
import TestSupport
import Testing

/// Realistic projects made bloated at test time: after `ctxtrim fix` the context holds no secret, every path the
/// Dockerfile copies is still sent, the shrink is reported, and a second run changes nothing.
@Suite struct FixProjectTests {
    struct Project: Sendable, CustomStringConvertible {
        var name: String
        /// Dockerfile relative to the context, when not `Dockerfile`.
        var dockerfile: String?
        /// Paths the Dockerfile's COPY sources read (files), which must stay sent.
        var copied: [String]
        /// Bloat added after the first commit: relative path → size in bytes.
        var bloat: [(String, Int)]
        var description: String { name }
    }

    static let projects: [Project] = [
        Project(
            name: "node", copied: ["package.json", "package-lock.json", "src/index.js", "public/index.html"],
            bloat: manyFiles("node_modules/left-pad/lib", 60, 900) + manyFiles("node_modules/express/lib", 60, 1200)
                + [("dist/bundle.js", 2_000_000), (".DS_Store", 6148), ("npm-debug.log", 40_000)]),
        Project(
            name: "go", copied: ["go.mod", "go.sum", "cmd/server/main.go", "internal/store/store.go"],
            bloat: [("bin/server", 9_000_000), ("coverage.out", 120_000), ("server.log", 30_000)]),
        Project(
            name: "rust", copied: ["Cargo.toml", "Cargo.lock", "src/main.rs"],
            bloat: manyFiles("target/release/deps", 80, 20_000) + [("target/release/tool", 5_000_000)]),
        Project(
            name: "maven", copied: ["pom.xml", "src/main/java/com/example/App.java"],
            bloat: manyFiles("target/classes/com/example", 40, 3000)
                + [("target/app.jar", 3_000_000), (".idea/workspace.xml", 9000), ("build.log", 50_000)]),
        Project(
            name: "python", copied: ["requirements.txt", "app/__init__.py", "tests/test_app.py"],
            bloat: manyFiles(".venv/lib/python3.12/site-packages/flask", 80, 4000)
                + [
                    ("app/__pycache__/__init__.cpython-312.pyc", 900),
                    ("tests/__pycache__/test_app.cpython-312.pyc", 1200),
                    (".pytest_cache/v/cache/nodeids", 300),
                ]),
        Project(
            name: "monorepo", dockerfile: "services/api/Dockerfile",
            copied: ["package.json", "package-lock.json", "packages/shared/src/index.js", "services/api/src/index.js"],
            bloat: manyFiles("node_modules/react/cjs", 50, 5000)
                + manyFiles("packages/ui/node_modules/lodash", 50, 2000)
                + [("services/web/dist/app.js", 1_500_000)]),
    ]

    static func manyFiles(_ directory: String, _ count: Int, _ size: Int) -> [(String, Int)] {
        (0..<count).map { ("\(directory)/file\($0).js", size) }
    }

    /// A fake private key and a fake token, assembled here so the repository holds nothing secret-shaped.
    static let fakeKey = [
        "-----BEGIN ", "OPENSSH PRIVATE KEY-----\n", "b3BlbnNzaC1rZXktdjEAAAAA\n", "-----END ",
        "OPENSSH PRIVATE KEY-----\n",
    ].joined()
    static let fakeEnv =
        "DATABASE_URL=postgres://app:" + "s3cr3t" + "-pass@db/app\nGITHUB_TOKEN=" + "ghp_"
        + String(repeating: "a1B2", count: 9) + "\n"

    func materialize(_ project: Project) throws -> TemporaryTree {
        let tree = try TemporaryTree("fix-\(project.name)")
        try tree.copyFixture("projects/\(project.name)")
        try GitRepository.create(in: tree).commitAll("project")
        for (path, size) in project.bloat { try tree.write(path, String(repeating: "x", count: size)) }
        try tree.write(".env", Self.fakeEnv)
        try tree.write("deploy/keys/id_rsa", Self.fakeKey)
        return tree
    }

    func scan(_ tree: TemporaryTree, _ dockerfileArguments: [String]) throws -> [String: Any] {
        let result = try CtxtrimProcess.run(["scan", tree.path, "--format", "json"] + dockerfileArguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    }

    static func sentBytes(_ report: [String: Any]) -> Int {
        ((report["totals"] as? [String: Any])?["sent"] as? [String: Any])?["bytes"] as? Int ?? -1
    }

    @Test(arguments: projects)
    func fixLeavesNoSecretKeepsEverySourceAndIsIdempotent(project: Project) throws {
        let tree = try materialize(project)
        let dockerfileArguments = project.dockerfile.map { ["-f", tree.path + "/" + $0] } ?? []
        let before = try scan(tree, dockerfileArguments)
        let secretsBefore = ((before["findings"] as? [[String: Any]]) ?? []).filter {
            ($0["check"] as? String)?.hasPrefix("secret-") == true
        }
        #expect(secretsBefore.count >= 2, "the planted .env and key must be found before the fix")

        let fix = try CtxtrimProcess.run(["fix", tree.path] + dockerfileArguments)
        #expect(fix.status == 0, "\(fix.output)\(fix.stderr)")
        #expect(fix.output.contains("eligible"))
        let written = try Data(contentsOf: tree.url.appendingPathComponent(".dockerignore"))

        let after = try scan(tree, dockerfileArguments)
        let secretsAfter = ((after["findings"] as? [[String: Any]]) ?? []).filter {
            ($0["check"] as? String)?.hasPrefix("secret-") == true
        }
        #expect(secretsAfter.isEmpty, "\(secretsAfter)")
        #expect(!(try CtxtrimProcess.run(["ls", tree.path] + dockerfileArguments)).output.contains(".env"))

        let explain = try CtxtrimProcess.run(
            ["explain", tree.path, "--format", "json"] + dockerfileArguments + project.copied)
        for line in explain.lines {
            #expect(line.contains("\"sent\":true"), "\(project.name): a copied path is no longer sent: \(line)")
        }
        #expect(explain.lines.count == project.copied.count)

        let second = try CtxtrimProcess.run(["fix", tree.path] + dockerfileArguments)
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("no change: .dockerignore is up to date"))
        // Nothing changes, so no shrink is shown.
        #expect(!second.output.contains("→"), "\(second.output)")
        #expect(try Data(contentsOf: tree.url.appendingPathComponent(".dockerignore")) == written)

        let beforeBytes = Self.sentBytes(before)
        let afterBytes = Self.sentBytes(after)
        #expect(afterBytes < beforeBytes / 2, "\(project.name): \(beforeBytes) → \(afterBytes)")
        print(
            "fix shrink | \(project.name) | \(beforeBytes) B → \(afterBytes) B | -\(100 - afterBytes * 100 / max(beforeBytes, 1))%"
        )
    }

    @Test func aSecretTheDockerfileCopiesIsReportedAndLeftAlone() throws {
        let tree = try TemporaryTree("fix-secret-copied")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY config/ /etc/app/\nCOPY main.sh /\n")
        try tree.write("config/app.yaml", "port: 80\n")
        try tree.write("config/.env", Self.fakeEnv)
        try tree.write("main.sh", "echo hi\n")
        try tree.write("notes/todo.txt", "later\n")
        let fix = try CtxtrimProcess.run(["fix", tree.path])
        #expect(fix.status == 1)
        #expect(fix.stderr.contains("config/.env"))
        #expect(fix.stderr.contains("line 2"))
        #expect(!fix.stderr.contains("s3cr3t"))
        let explain = try CtxtrimProcess.run([
            "explain", tree.path, "config/.env", "notes/todo.txt", "--format", "json",
        ])
        #expect(explain.lines.first?.contains("\"sent\":true") == true)
        #expect(explain.lines.last?.contains("\"sent\":false") == true)
    }

    @Test func dryRunPrintsADiffAndWritesNothing() throws {
        let tree = try materialize(Self.projects[0])
        let original = "# mine\r\nnode_modules\r\n"
        try tree.write(".dockerignore", original)
        let result = try CtxtrimProcess.run(["fix", tree.path, "--dry-run", "--strategy", "deny"])
        #expect(result.status == 0)
        #expect(result.output.contains("--- a/.dockerignore"))
        #expect(result.output.contains("+++ b/.dockerignore"))
        #expect(result.output.contains("+**/.env"))
        #expect(try String(contentsOf: tree.url.appendingPathComponent(".dockerignore"), encoding: .utf8) == original)
    }

    @Test func allowStrategyListsExactPathsOnly() throws {
        let tree = try materialize(Self.projects[0])
        let result = try CtxtrimProcess.run(["fix", tree.path, "--strategy", "allow"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: tree.url.appendingPathComponent(".dockerignore"), encoding: .utf8)
        let exceptions = text.split(separator: "\n").filter { $0.hasPrefix("!") }
        #expect(Set(exceptions) == ["!package.json", "!package-lock.json", "!src", "!public"])
        #expect(text.split(separator: "\n").contains("*"))
        #expect(!exceptions.contains { $0.contains("*") || $0.contains("?") || $0.contains("[") })
        let listing = try CtxtrimProcess.run(["ls", tree.path])
        #expect(
            listing.lines.contains("f\t40\tsrc/index.js") || listing.lines.contains { $0.hasSuffix("\tsrc/index.js") })
        #expect(!listing.output.contains("node_modules"))
    }

    @Test func allowStrategyRefusesADockerfileThatCopiesEverything() throws {
        let tree = try materialize(Self.projects[1])
        let result = try CtxtrimProcess.run(["fix", tree.path, "--strategy", "allow"])
        // The strategy asked for cannot work for this Dockerfile: a usage error, with the other one as the fix.
        #expect(result.status == 64)
        #expect(result.stderr.contains("copies the whole context"))
        #expect(result.stderr.contains("[fix.strategy]\n  fix: use --strategy deny\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tree.path + "/.dockerignore"))
    }
}
