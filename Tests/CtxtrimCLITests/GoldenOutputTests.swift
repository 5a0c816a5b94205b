import Foundation
import TestSupport
import Testing

/// Every output format of every command, from the built binary on one small repository made at test time, against
/// golden files in `Snapshots/` (`CTXTRIM_RECORD_SNAPSHOTS=1` re-records them and fails the run).
///
/// Only what differs between runs is masked: the walk's duration (`Walked in 12 ms`, `one walk ... in 48 ms`) and
/// the number of walker threads, which follows the machine's cores. Everything else, sizes and git classes included,
/// is fixed by the fixture.
@Suite struct GoldenOutputTests {
    /// A fake private key: the PEM armour the secret check looks for around a body that says what it is.
    static let fakeKey = [
        "-----BEGIN ", "OPENSSH PRIVATE KEY-----\n", "FAKE-KEY-FOR-CTXTRIM-GOLDEN-TESTS\n", "-----END ",
        "OPENSSH PRIVATE KEY-----\n",
    ].joined()

    /// A git repository whose root holds two builds: `app/` (a Node project with an ignore file, an excluded
    /// dependency directory and log, git-ignored build output, an untracked note, a dotenv file and a fake SSH key that
    /// the Dockerfile does not copy) and `tools/` (no ignore file). Its `.git` lies outside both contexts, so the
    /// sizes do not depend on the installed git.
    static func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("golden")
        try tree.write(
            "app/Dockerfile",
            """
            FROM node:22-alpine AS build
            WORKDIR /app
            COPY package.json ./
            COPY src ./src
            RUN node src/index.js > dist.txt

            FROM node:22-alpine
            COPY --from=build /app /app
            CMD ["node", "/app/src/index.js"]

            """)
        try tree.write("app/.dockerignore", "node_modules\n*.log\n")
        try tree.write("app/package.json", #"{"name": "golden", "version": "1.0.0"}"# + "\n")
        try tree.write("app/src/index.js", "console.log(require('./util').greet())\n")
        try tree.write(
            "app/src/util.js", "exports.greet = () => 'hi'\n" + String(repeating: "// padding\n", count: 120))
        try tree.write("app/node_modules/left-pad/index.js", String(repeating: "n", count: 4000))
        try tree.write("app/node_modules/left-pad/package.json", #"{"name": "left-pad"}"# + "\n")
        try tree.write("app/deploy/id_rsa", Self.fakeKey)
        try tree.write("tools/Dockerfile", "FROM alpine:3.20\nCOPY run.sh /run.sh\n")
        try tree.write("tools/run.sh", "#!/bin/sh\necho tools\n")
        let git = try GitRepository.create(in: tree)
        try git.ignore(["dist/", ".env", "*.log"], in: "app")
        try git.commitAll("golden fixture")
        try tree.write("app/dist/bundle.js", String(repeating: "d", count: 9000))
        try tree.write("app/debug.log", String(repeating: "l", count: 700))
        try tree.write("app/.env", "API_URL=http://localhost:8080\n")
        try tree.write("app/NOTES.txt", "todo: ship it\n")
        try tree.makeDirectory("home")
        return tree
    }

    /// One golden file: the command line (run in the repository root), its exit status and the file it must print.
    struct Case: Sendable, CustomTestStringConvertible {
        let golden: String
        let arguments: [String]
        let status: Int32
        var testDescription: String { golden }
    }

    static let cases: [Case] = [
        Case(golden: "scan.txt", arguments: ["scan", "app"], status: 0),
        Case(golden: "scan.json", arguments: ["scan", "app", "--format", "json"], status: 0),
        Case(golden: "scan-all.txt", arguments: ["scan", "--all", "."], status: 0),
        Case(golden: "scan-all.json", arguments: ["scan", "--all", ".", "--format", "json"], status: 0),
        Case(golden: "check.txt", arguments: ["check", "app"], status: 1),
        Case(golden: "check.json", arguments: ["check", "app", "--format", "json"], status: 1),
        Case(golden: "check.sarif", arguments: ["check", "app", "--format", "sarif"], status: 1),
        Case(golden: "check.github.txt", arguments: ["check", "app", "--format", "github"], status: 1),
        Case(golden: "check.gitlab.json", arguments: ["check", "app", "--format", "gitlab"], status: 1),
        Case(golden: "check.md", arguments: ["check", "app", "--format", "markdown"], status: 1),
        Case(golden: "check-all.txt", arguments: ["check", "--all", "."], status: 1),
        Case(golden: "ls.tsv", arguments: ["ls", "app"], status: 0),
        Case(golden: "ls.txt", arguments: ["ls", "app", "--format", "text"], status: 0),
        Case(golden: "ls.jsonl", arguments: ["ls", "app", "--format", "json"], status: 0),
        Case(golden: "ls-excluded.tsv", arguments: ["ls", "app", "--excluded"], status: 0),
        Case(
            golden: "explain.txt",
            arguments: ["explain", "app", "-n", "node_modules/left-pad/index.js", "debug.log", "src/index.js"],
            status: 0),
        Case(
            golden: "explain.jsonl",
            arguments: ["explain", "app", "--format", "json", "node_modules", "debug.log", "src/index.js"],
            status: 0),
        Case(golden: "fix-dry-run.diff", arguments: ["fix", "app", "--dry-run"], status: 0),
        Case(golden: "checks.txt", arguments: ["checks"], status: 0),
        Case(golden: "checks.md", arguments: ["checks", "--format", "markdown"], status: 0),
    ]

    /// The walk's duration and thread count, the only parts of an output that change from run to run.
    static func masked(_ output: String) -> String {
        output.replacingOccurrences(
            of: #"Walked in [0-9.]+ m?s with [0-9]+ threads?"#, with: "Walked in <duration> with <threads>",
            options: .regularExpression
        ).replacingOccurrences(
            of: #"one walk of the repository in [0-9]+ ms"#, with: "one walk of the repository in <duration>",
            options: .regularExpression)
    }

    @Test(arguments: cases)
    func outputMatchesItsGoldenFile(_ golden: Case) throws {
        let tree = try Self.repository()
        // No configuration of the machine running the tests reaches libgit2.
        let home = tree.path("home")
        let result = try CtxtrimProcess.run(
            golden.arguments, environment: ["HOME": home, "XDG_CONFIG_HOME": home, "GIT_CONFIG_NOSYSTEM": "1"],
            in: tree.path)
        #expect(result.status == golden.status, "\(result.stderr)")
        #expect(!result.output.contains(tree.path), "no absolute path of the machine in the output")
        try Snapshot.expect(Self.masked(result.output), matches: golden.golden)
    }

    /// The data the HTML page draws (its embedded JSON, re-indented for review), for one build and for `--all`; the
    /// page's script and style are tested in the browser, not here.
    @Test(arguments: [
        ("scan.page.json", ["scan", "app", "--format", "html"]),
        ("scan-all.page.json", ["scan", "--all", ".", "--format", "html"]),
    ])
    func thePagesDataMatchesItsGoldenFile(golden: String, arguments: [String]) throws {
        let tree = try Self.repository()
        let home = tree.path("home")
        let result = try CtxtrimProcess.run(
            arguments, environment: ["HOME": home, "XDG_CONFIG_HOME": home, "GIT_CONFIG_NOSYSTEM": "1"],
            in: tree.path)
        #expect(result.status == 0, "\(result.stderr)")
        let page = result.output
        let open = try #require(page.range(of: #"<script type="application/json" id="ctxtrim-data">"#))
        let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
        let data = try JSONSerialization.jsonObject(with: Data(page[open.upperBound..<close.lowerBound].utf8))
        let pretty = try JSONSerialization.data(withJSONObject: data, options: [.prettyPrinted, .sortedKeys])
        try Snapshot.expect(String(decoding: pretty, as: UTF8.self) + "\n", matches: golden)
    }

    /// The masks replace only the walk's duration and thread count.
    @Test func masksOnlyTheDurationAndThreads() {
        #expect(
            Self.masked("Walked in 107 ms with 2 threads; excluded directories measured\n")
                == "Walked in <duration> with <threads>; excluded directories measured\n")
        #expect(Self.masked("Walked in 1.25 s with 1 thread\n") == "Walked in <duration> with <threads>\n")
        #expect(Self.masked("one walk of the repository in 48 ms\n") == "one walk of the repository in <duration>\n")
        #expect(Self.masked("Sent to the builder  10.6 KiB  10 files\n") == "Sent to the builder  10.6 KiB  10 files\n")
    }
}
