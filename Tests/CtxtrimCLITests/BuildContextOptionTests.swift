import Foundation
import TestSupport
import Testing

/// `--build-context NAME=VALUE` on every command that walks, as `docker buildx build` takes it: relative directories
/// from the current directory, bad values exit 2 with a code.
@Suite struct BuildContextOptionTests {
    static func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("build-context-option")
        try tree.write("app/Dockerfile", "FROM alpine:3.20\nCOPY --from=lib util.sh /x/\nCOPY app.py /app/\n")
        try tree.write("app/app.py", "print(1)\n")
        try tree.write("app/.dockerignore", "*.md\n")
        try tree.write("lib/.dockerignore", "*.log\n")
        try tree.write("lib/util.sh", "echo util\n")
        try tree.write("lib/debug.log", "log\n")
        return tree
    }

    @Test func scanReportsTheNamedContextInJSON() throws {
        let tree = try Self.repository()
        let result = try CtxtrimProcess.run(
            [
                "scan", "app", "--build-context", "lib=lib", "--build-context", "img=docker-image://alpine:3.20",
                "--no-git", "--format", "json",
            ], in: tree.path)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let named = try #require(document["namedContexts"] as? [[String: Any]])
        #expect(named.compactMap { $0["name"] as? String } == ["img", "lib"])
        #expect(named[0]["local"] as? Bool == false)
        #expect(named[0]["value"] as? String == "docker-image://alpine:3.20")
        #expect(named[1]["path"] as? String == "lib")
        #expect(named[1]["ignoreFile"] as? String == "../lib/.dockerignore")
        #expect((named[1]["transferred"] as? [String: Any])?["files"] as? Int == 1)
        let totals = try #require(document["totals"] as? [String: Any])
        #expect((totals["transferredInAll"] as? [String: Any])?["files"] as? Int == 2)
    }

    @Test func textShowsTheNamedContexts() throws {
        let tree = try Self.repository()
        let result = try CtxtrimProcess.run(
            ["scan", ".", "--build-context", "lib=../lib", "--no-git"], in: tree.path("app"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("Named contexts"))
        #expect(result.output.contains("../lib/.dockerignore"))
        #expect(result.output.contains("Transferred in all"))
    }

    @Test func checkBudgetsCountTheNamedContext() throws {
        let tree = try Self.repository()
        // app transfers 9 bytes (app.py), lib 10 (util.sh): 19 in all.
        let over = try CtxtrimProcess.run(
            ["check", "app", "--build-context", "lib=lib", "--no-git", "--max-transferred-size", "15B"],
            in: tree.path)
        #expect(over.status == 1, "\(over.output)\(over.stderr)")
        let within = try CtxtrimProcess.run(
            ["check", "app", "--build-context", "lib=lib", "--no-git", "--max-transferred-size", "19B"],
            in: tree.path)
        #expect(within.status == 0, "\(within.output)\(within.stderr)")
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let command: String
        let values: [String]
        let code: String
        var testDescription: String { "\(command) \(values)" }
    }

    static let bad: [Bad] = [
        Bad(command: "scan", values: ["lib"], code: "named-context.invalid"),
        Bad(command: "check", values: ["Lib=lib"], code: "named-context.invalid"),
        Bad(command: "fix", values: ["lib=lib", "lib=app"], code: "named-context.duplicate"),
        Bad(command: "ls", values: ["lib=missing"], code: "named-context.not-found"),
        Bad(command: "scan", values: ["lib=missing"], code: "named-context.not-found"),
    ]

    @Test(arguments: bad)
    func badValuesExitTwoWithACode(_ bad: Bad) throws {
        let tree = try Self.repository()
        let arguments =
            [bad.command, "app"] + (bad.command == "ls" ? [] : ["--no-git"])
            + bad.values.flatMap { ["--build-context", $0] }
        let result = try CtxtrimProcess.run(arguments, in: tree.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("[\(bad.code)]"), "\(result.stderr)")
    }
}
