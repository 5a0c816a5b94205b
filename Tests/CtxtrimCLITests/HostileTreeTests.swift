import Foundation
import TestSupport
import Testing
import UntrustedText

/// Names and depths that text-based tools get wrong: non-UTF-8 bytes, control characters and workflow commands in
/// names, paths beyond PATH_MAX. Each is built at test time with raw system calls.
@Suite struct HostileTreeTests {
    /// A GitHub-token-shaped string assembled at run time, so the repository holds nothing secret-shaped.
    static let fakeToken: String = {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var state: UInt64 = 0x5EED
        return "gh" + "p_"
            + String(
                (0..<36).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return alphabet[Int(state >> 33) % alphabet.count]
                })
    }()

    /// Creates the directory chain `components` (raw bytes each) below `root`, opening each level relative to the
    /// previous one, and writes `content` to `file` in the deepest; returns nothing, fails the test on error.
    static func plant(_ components: [[UInt8]], file: [UInt8], content: String, in root: String) throws {
        var directory = open(root, O_RDONLY | O_DIRECTORY)
        #expect(directory >= 0)
        for component in components {
            let name = component.map { CChar(bitPattern: $0) } + [0]
            _ = mkdirat(directory, name, 0o755)
            let next = openat(directory, name, O_RDONLY | O_DIRECTORY)
            close(directory)
            #expect(next >= 0, "mkdirat/openat failed: errno \(errno)")
            directory = next
        }
        let fd = openat(directory, file.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let bytes = Array(content.utf8)
        #expect(write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
        close(directory)
    }

    static func project() throws -> TemporaryTree {
        let tree = try TemporaryTree("hostile-tree")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n")
        try tree.write(".dockerignore", ".git\n")
        return tree
    }

    @Test func aSecretUnderANonUTF8DirectoryIsReadAndNamedExactly() throws {
        let tree = try Self.project()
        let directory: [UInt8] = Array("conf".utf8) + [0xFF, 0xFE]
        try Self.plant(
            [directory], file: Array("settings.txt".utf8), content: "token=\(Self.fakeToken)\n", in: tree.path)
        let check = try CtxtrimProcess.run(["check", tree.path, "--format", "json"])
        #expect(check.status == 1, "\(check.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: check.stdout) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let secret = try #require(findings.first { ($0["check"] as? String) == "secret-content" })
        #expect(secret["path"] as? String == "conf\u{FFFD}\u{FFFD}/settings.txt")
        let exact = try #require(secret["pathBytes"] as? String)
        #expect(Base64.decode(exact) == directory + Array("/settings.txt".utf8))
        #expect(!check.output.contains(Self.fakeToken))
        let text = try CtxtrimProcess.run(["scan", tree.path])
        #expect(text.output.contains("conf\\xFF\\xFE/settings.txt"), "\(text.output)")
    }

    @Test func aSecretBelowPathMaxIsReadAndTheContextCannotBeSent() throws {
        let tree = try Self.project()
        let level = Array(String(repeating: "d", count: 200).utf8)
        try Self.plant(
            Array(repeating: level, count: 21), file: Array("deploy.yml".utf8),
            content: "token: \(Self.fakeToken)\n", in: tree.path)
        let result = try CtxtrimProcess.run(["check", tree.path, "--format", "json"], timeLimit: 60)
        #expect(result.status == 1, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let checks = (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String }
        #expect(checks.contains("secret-content"))
        #expect(checks.contains("unreadable"))
    }

    @Test func aNameCannotPrintAWorkflowCommandOrAnEscapeSequence() throws {
        let tree = try Self.project()
        let name = "x\n::error file=a.txt::owned\u{1B}[2J.log"
        try tree.write(name, String(repeating: "log line\n", count: 10))
        try tree.write(".env", "A=1\n")
        for arguments in [
            ["scan", tree.path], ["scan", tree.path, "--format", "github"], ["check", tree.path],
            ["check", tree.path, "--format", "github"], ["ls", tree.path], ["ls", tree.path, "--format", "text"],
        ] {
            let result = try CtxtrimProcess.run(arguments, environment: ["GITHUB_ACTIONS": "true"])
            // GitHub reads a workflow command only at the start of a line.
            for line in (result.output + result.stderr).split(separator: "\n") {
                #expect(!line.hasPrefix("::error file=a.txt"), "\(arguments): \(line)")
            }
            #expect(!result.output.contains("\u{1B}[2J") && !result.stderr.contains("\u{1B}[2J"), "\(arguments)")
        }
    }

    @Test func aNameCannotInjectHTMLIntoTheMarkdownSummary() throws {
        let tree = try Self.project()
        try tree.write("a`<img src=x onerror=alert(1)>`.env", "A=1\n")
        let result = try CtxtrimProcess.run(["check", tree.path, "--format", "markdown"])
        #expect(!Self.outsideCodeSpans(result.output).contains("<img"), "\(result.output)")
        #expect(result.output.contains("&lt;img"))
    }

    /// Names a line cannot hold as they are: not UTF-8, a line break, white space at the start, wildcards.
    @Test func fixExcludesEverySecretWhateverItsName() throws {
        let tree = try TemporaryTree("fix-hard-names")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY app.sh /\n")
        try tree.write("app.sh", "echo hi\n")
        try Self.plant([Array("conf".utf8) + [0xFF, 0xFE]], file: Array(".env".utf8), content: "A=1\n", in: tree.path)
        try Self.plant([], file: Array("x\n.env".utf8), content: "B=2\n", in: tree.path)
        try Self.plant([], file: Array(" lead.env".utf8), content: "C=3\n", in: tree.path)
        try Self.plant([], file: Array("we[ir]d*.env".utf8), content: "D=4\n", in: tree.path)
        // The deny strategy writes a pattern per name, which is what these names test.
        let fix = try CtxtrimProcess.run(["fix", tree.path, "--strategy", "deny"])
        #expect(fix.status == 0, "\(fix.stderr)")
        let listing = try CtxtrimProcess.run(["ls", tree.path, "--format", "tsv", "-0"])
        let sent = listing.stdout.split(separator: 0).map { Array($0) }
        #expect(sent.count == 3, "\(sent.map { String(decoding: $0, as: UTF8.self) })")
        #expect(sent.allSatisfy { !String(decoding: $0, as: UTF8.self).hasSuffix(".env") })
        let again = try CtxtrimProcess.run(["fix", tree.path, "--dry-run", "--strategy", "deny"])
        #expect(again.output.contains("no change"), "\(again.output)")
    }

    /// The Markdown text with every code span removed (CommonMark: a run of N backticks up to the next run of exactly
    /// N), which is where HTML is not live.
    static func outsideCodeSpans(_ markdown: String) -> String {
        let characters = Array(markdown)
        var out = ""
        var index = 0
        func run(at start: Int) -> Int {
            var end = start
            while end < characters.count && characters[end] == "`" { end += 1 }
            return end - start
        }
        while index < characters.count {
            guard characters[index] == "`" else {
                out.append(characters[index])
                index += 1
                continue
            }
            let fence = run(at: index)
            var search = index + fence
            var closed: Int?
            while search < characters.count {
                if characters[search] == "`" {
                    let length = run(at: search)
                    if length == fence {
                        closed = search
                        break
                    }
                    search += length
                } else {
                    search += 1
                }
            }
            guard let closed else {
                out += String(repeating: "`", count: fence)
                index += fence
                continue
            }
            index = closed + fence
        }
        return out
    }
}
