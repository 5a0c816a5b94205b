import Foundation
import TestSupport
import Testing

/// Every error through the built binary: one format (`ctxtrim: error: <message> [<code>]`, `  fix:`, `  cause:`),
/// escaped, with the exit status of its kind, and no Swift type name anywhere.
@Suite struct ErrorReportTests {
    /// A context with a Dockerfile, a valid ignore file and one source.
    func context() throws -> TemporaryTree {
        let tree = try TemporaryTree("errors")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY src /src\n")
        try tree.write(".dockerignore", "tmp\n")
        try tree.write("src/main.c", "int main(void) { return 0; }\n")
        return tree
    }

    /// Words that only a Swift type or a decoder's internals would put in a message.
    static let swiftNames = [
        "CodingKeys", "DecodingError", "keyNotFound", "typeMismatch", "valueNotFound", "dataCorrupted", "Swift.",
        "YamlError", "Yams.", "Optional(", "Context(", "codingPath", "debugDescription", "Int64", "Dictionary<",
    ]

    static func expectNoSwiftNames(_ text: String, _ comment: Comment? = nil) {
        for name in swiftNames { #expect(!text.contains(name), "\(name) in: \(text) \(comment?.rawValue ?? "")") }
    }

    /// The lines of an error report: the error line, then `fix:` and `cause:` when present, nothing else.
    static func reportLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    @Test func aBadOptionIsAUsageErrorWithStatus64() throws {
        let tree = try context()
        let unknown = try CtxtrimProcess.run(["scan", "--frobnicate", tree.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--frobnicate'"), "\(unknown.stderr)")
        let outOfRange = try CtxtrimProcess.run(["scan", "--top", "999999", tree.path])
        #expect(outOfRange.status == 64)
        let combination = try CtxtrimProcess.run(["check", "--max-growth", "10%", tree.path])
        #expect(combination.status == 64)
        #expect(combination.stderr.contains("--max-growth needs --baseline"))
    }

    @Test func aTargetTheDockerfileLacksFailsAsTheBuildWould() throws {
        let tree = try context()
        let result = try CtxtrimProcess.run(["fix", "--dry-run", "--target", "nope", tree.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            Self.reportLines(result.stderr) == [
                #"ctxtrim: error: Dockerfile: there is no stage named "nope" [dockerfile.unknown-target]"#,
                "  fix: no stage has a name: name one with FROM image AS name",
            ], "\(result.stderr)")
    }

    @Test func aMissingContextNamesItWithItsFixAndExits2() throws {
        let tree = try context()
        let missing = tree.path + "/nowhere"
        for command in ["scan", "check", "fix", "ls"] {
            let result = try CtxtrimProcess.run([command, missing])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(
                Self.reportLines(result.stderr) == [
                    "ctxtrim: error: context directory '\(missing)' does not exist [context.not-found]",
                    "  fix: pass an existing directory as CONTEXT",
                ], "\(command): \(result.stderr)")
            #expect(result.output.isEmpty)
        }
        let file = try CtxtrimProcess.run(["scan", tree.path + "/Dockerfile"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("is not a directory [context.not-directory]\n  fix: pass the directory"))
    }

    /// `docker build -f Nofile` fails, so a missing `-f` Dockerfile is an input error for every command; without `-f`
    /// and without a Dockerfile only the allow strategy, which must know what the build reads, refuses to work.
    @Test func aMissingDockerfileIsAnErrorAndOnlyTheAllowStrategyNeedsOne() throws {
        let tree = try context()
        let missing = tree.path + "/Nofile"
        for command in [["scan"], ["check"], ["fix", "--dry-run"]] {
            let result = try CtxtrimProcess.run(command + ["-f", missing, tree.path])
            #expect(result.status == 2, "\(command) \(result.stderr)")
            #expect(
                Self.reportLines(result.stderr) == [
                    "ctxtrim: error: the Dockerfile Nofile does not exist [context.dockerfile-not-found]",
                    "  fix: pass the Dockerfile docker build would use with -f, or leave -f out for CONTEXT/Dockerfile",
                ], "\(command) \(result.stderr)")
        }
        try FileManager.default.removeItem(atPath: tree.path + "/Dockerfile")
        let scan = try CtxtrimProcess.run(["scan", tree.path])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.output.contains("(missing)"))
        let fix = try CtxtrimProcess.run(["fix", "--dry-run", "--strategy", "allow", tree.path])
        #expect(fix.status == 64, "\(fix.stderr)")
        #expect(
            Self.reportLines(fix.stderr) == [
                "ctxtrim: error: the allow strategy needs a Dockerfile to know what to keep; none was found "
                    + "[fix.strategy]",
                "  fix: pass the Dockerfile with -f, or use --strategy deny",
            ], "\(fix.stderr)")
    }

    @Test func anInvalidIgnorePatternNamesFileLineAndDockersOwnWords() throws {
        let tree = try context()
        try tree.write(".dockerignore", "tmp\nbuild\nsrc/[\n")
        for command in [
            ["scan", tree.path], ["check", tree.path], ["ls", tree.path], ["fix", "--dry-run", tree.path],
        ] {
            let result = try CtxtrimProcess.run(command)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(
                Self.reportLines(result.stderr) == [
                    #"ctxtrim: error: .dockerignore:3: invalid pattern "src/[" [ignore.invalid-pattern]"#,
                    "  fix: close every `[` with `]` and do not end a pattern with `\\`",
                    "  cause: syntax error in pattern",
                ], "\(command): \(result.stderr)")
        }
    }

    @Test func aFIFOWhereTheIgnoreFileShouldBeIsNotARegularFile() throws {
        let tree = try context()
        try FileManager.default.removeItem(atPath: tree.path + "/.dockerignore")
        #expect(mkfifo(tree.path + "/.dockerignore", 0o644) == 0)
        let result = try CtxtrimProcess.run(["scan", tree.path], timeLimit: 20)
        #expect(!result.timedOut)
        #expect(result.status == 2)
        #expect(
            Self.reportLines(result.stderr) == [
                "ctxtrim: error: ignore file '\(tree.path)/.dockerignore' is a FIFO, not a regular file "
                    + "[input.not-regular-file]",
                "  fix: ctxtrim reads only regular files: name one",
            ], "\(result.stderr)")
    }

    @Test func aFailedSystemCallIsTheCauseWithItsErrno() throws {
        let tree = try context()
        try tree.symlink("loop.yml", to: "loop.yml")
        let result = try CtxtrimProcess.run(["check", "--config", tree.path + "/loop.yml", tree.path])
        #expect(result.status == 2)
        #expect(
            Self.reportLines(result.stderr) == [
                "ctxtrim: error: cannot read config file '\(tree.path)/loop.yml' [input.unreadable]",
                "  fix: check that it exists and is readable",
                "  cause: open: Too many levels of symbolic links (errno \(ELOOP))",
            ], "\(result.stderr)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aWriteThatFailsIsAnOutputErrorWithStatus73() throws {
        let tree = try context()
        let result = try CtxtrimProcess.run(["check", "--output", "/dev/full", tree.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(
            Self.reportLines(result.stderr) == [
                "ctxtrim: error: cannot write /dev/full: write failed; nothing was changed [write.system-call]",
                "  fix: check the free space and permissions where it is written, then run again",
                "  cause: write: No space left on device (errno \(ENOSPC))",
            ], "\(result.stderr)")
        // Refusing a path is about what is there, an input error, not a failed write.
        let directory = try CtxtrimProcess.run(["check", "--output", tree.path, tree.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("it is a directory; nothing was changed [write.directory]\n  fix: "))
    }

    static let badConfigs: [(text: String, line: Int, code: String, message: String)] = [
        ("budgets:\n  max-sise: 1MiB\n", 2, "config.unknown-key", "unknown budget 'max-sise' in budgets"),
        ("colour: red\n", 1, "config.unknown-key", #"unknown setting "colour""#),
        ("checks:\n  secret-files: off\n", 2, "config.unknown-check", #"unknown check "secret-files""#),
        ("budgets:\n  max-size: [1, 2]\n", 2, "config.invalid-value", "budgets.max-size must be a single value"),
        ("budgets: 3\n", 1, "config.invalid-value", "budgets must be a mapping"),
        ("budgets:\n  max-files: 1.5\n", 2, "config.invalid-value", "budgets.max-files must be a whole number"),
        ("suppressions:\n  - path: a\n", 2, "config.missing-value", #"the suppression of "a" needs a reason"#),
        ("suppressions:\n  a: 1\n", 2, "config.invalid-value", "suppressions must be a list"),
        ("fail-on: [x]\n", 1, "config.invalid-value", "fail-on must be a single value"),
        ("budgets: [1\n", 2, "config.invalid-yaml", "not valid YAML"),
    ]

    @Test(arguments: badConfigs)
    func aBadConfigNamesFileLineAndKeyWithoutSwiftTypes(
        text: String, line: Int, code: String, message: String
    ) throws {
        let tree = try context()
        try tree.write(".ctxtrim.yml", text)
        let result = try CtxtrimProcess.run(["check", tree.path])
        #expect(result.status == 2, "\(result.stderr)")
        let lines = Self.reportLines(result.stderr)
        #expect(lines.first?.hasPrefix("ctxtrim: error: .ctxtrim.yml:\(line): \(message)") == true, "\(lines)")
        #expect(lines.first?.hasSuffix("[\(code)]") == true, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  fix: ") || $0.hasPrefix("  cause: ") }, "\(lines)")
        Self.expectNoSwiftNames(result.stderr)
    }

    static let badBaselines: [(json: String, code: String, message: String)] = [
        ("{}", "baseline.not-a-report", "not a ctxtrim JSON report: schemaVersion is missing"),
        (#"{"schemaVersion":1,"totals":{}}"#, "baseline.not-a-report", "totals.sent is missing"),
        (#"{"schemaVersion":"1"}"#, "baseline.not-a-report", "schemaVersion has the wrong type"),
        ("[1, 2]", "baseline.not-a-report", "the top level must be an object"),
        ("{\n\"schemaVersion\": 1,\n oops}", "baseline.invalid-json", "not valid JSON"),
        ("", "baseline.invalid-json", "not valid JSON"),
        (
            #"{"schemaVersion":1,"totals":{"sent":{"files":1,"bytes":-4}}}"#, "baseline.out-of-range",
            "totals.sent.bytes must be a whole number from 0 to"
        ),
        (
            #"{"schemaVersion":1,"totals":{"sent":{"files":1.5,"bytes":4}}}"#, "baseline.out-of-range",
            "totals.sent.files must be a whole number"
        ),
        (
            #"{"schemaVersion":1,"totals":{"sent":{"files":1,"bytes":4}},"topLevel":[{"path":"a","bytes":"x"}]}"#,
            "baseline.not-a-report", "topLevel[0].bytes has the wrong type"
        ),
        (
            #"{"schemaVersion":9,"totals":{"sent":{"files":1,"bytes":1}}}"#, "baseline.unsupported-schema",
            "schemaVersion 9 is not supported"
        ),
    ]

    @Test(arguments: badBaselines)
    func aBadBaselineNamesFileAndFieldWithoutSwiftTypes(json: String, code: String, message: String) throws {
        let tree = try context()
        let baseline = try tree.write("base.json", json)
        let result = try CtxtrimProcess.run(["check", "--baseline", baseline, tree.path])
        #expect(result.status == 2, "\(result.stderr)")
        let lines = Self.reportLines(result.stderr)
        #expect(lines.first?.hasPrefix("ctxtrim: error: \(baseline):") == true, "\(lines)")
        #expect(lines.first?.contains(message) == true, "\(lines)")
        #expect(lines.first?.hasSuffix("[\(code)]") == true, "\(lines)")
        #expect(lines.dropFirst().first == "  fix: make a new one with `ctxtrim scan --format json > \(baseline)`")
        Self.expectNoSwiftNames(result.stderr)
    }

    @Test func aMissingBaselineSaysHowToMakeOne() throws {
        let tree = try context()
        let missing = tree.path + "/none.json"
        let result = try CtxtrimProcess.run(["check", "--baseline", missing, tree.path])
        #expect(result.status == 2)
        #expect(
            Self.reportLines(result.stderr) == [
                "ctxtrim: error: \(missing): no such baseline file [baseline.not-found]",
                "  fix: make one with `ctxtrim scan --format json > \(missing)`",
            ], "\(result.stderr)")
    }

    @Test func everyPartOfAnErrorIsEscapedForTheTerminal() throws {
        let tree = try context()
        let hostile = tree.path + "/evil\u{1B}]0;owned\u{07}\nctxtrim: error: fake"
        let result = try CtxtrimProcess.run(["scan", hostile])
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"))
        let lines = Self.reportLines(result.stderr)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.contains(#"evil\e]0;owned\x07\nctxtrim: error: fake"#) == true, "\(lines)")

        // A pattern is quoted from the tree too: its control characters stay escaped in message and cause.
        try tree.write(".dockerignore", "ok\n[\u{1B}[2J\n")
        let pattern = try CtxtrimProcess.run(["scan", tree.path])
        #expect(pattern.status == 2)
        #expect(!pattern.stderr.contains("\u{1B}"), "\(pattern.stderr)")
        #expect(pattern.stderr.contains(#".dockerignore:2: invalid pattern "[\e[2J""#), "\(pattern.stderr)")
    }

    @Test func gitDiagnosticsUseTheSameCodeStyle() throws {
        // A bare repository around the context: git classes are missing, the scan goes on.
        let bare = try TemporaryTree("errors-bare")
        try GitRepository(at: bare.path).run(["init", "-q", "--bare"])
        try bare.write("Dockerfile", "FROM alpine:3.20\n")
        let result = try CtxtrimProcess.run(["scan", "--format", "json", bare.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: String]])
        #expect(diagnostics.first?["kind"] == "git.bare-repository", "\(diagnostics)")
        #expect(diagnostics.first?["message"]?.contains("; use a checked-out directory") == true, "\(diagnostics)")
        // A machine format holds no absolute path: the diagnostic's path is `.`, its message names no directory.
        #expect(diagnostics.first?["path"] == ".")
        #expect(diagnostics.first?["message"]?.contains(bare.path) == false, "\(diagnostics)")
        #expect(result.stderr.hasPrefix("ctxtrim: warning: git.bare-repository .: "), "\(result.stderr)")
    }
}
