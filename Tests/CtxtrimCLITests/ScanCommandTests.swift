import Foundation
import TestSupport
import Testing

@Suite struct ScanCommandTests {
    /// A small repository: tracked sources, an ignored scratch/, an untracked note, a fake .env and node_modules kept out.
    func project() throws -> TemporaryTree {
        let tree = try TemporaryTree("scan")
        try tree.write("Dockerfile", "FROM scratch\nCOPY . /app\n")
        try tree.write(".dockerignore", "node_modules\n")
        try tree.write(".gitignore", "scratch/\n.env\n")
        try tree.write("src/main.c", String(repeating: "c", count: 1000))
        try tree.write("src/util.c", String(repeating: "u", count: 500))
        try tree.write("node_modules/pkg/index.js", String(repeating: "n", count: 4000))
        try GitRepository.create(in: tree).commitAll("init")
        try tree.write("scratch/app.bin", String(repeating: "d", count: 9000))
        try tree.write(".env", "DATABASE_URL=postgres://localhost/dev\n")
        try tree.write("NOTES.txt", "todo\n")
        return tree
    }

    func json(_ result: CtxtrimProcess.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    }

    /// The suggestion's time estimate takes `--bandwidth` and `--per-file`, and says what it is made of.
    @Test func theTransferEstimateCountsFilesAsTheUserSetsIt() throws {
        let tree = try project()
        let defaults = try CtxtrimProcess.run(["scan", tree.path])
        #expect(defaults.output.contains("times at 100Mbit/s and 0.5 ms per file"), "\(defaults.output)")
        let slow = try CtxtrimProcess.run(["scan", tree.path, "--bandwidth", "1Mbit/s", "--per-file", "0"])
        #expect(slow.output.contains("times at 1Mbit/s and no per-file cost"), "\(slow.output)")
        let report = try json(try CtxtrimProcess.run(["scan", tree.path, "--per-file", "2ms", "--format", "json"]))
        let shrink = try #require(report["shrink"] as? [String: Any])
        #expect(shrink["perFileSeconds"] as? Double == 0.002)
        let bad = try CtxtrimProcess.run(["scan", tree.path, "--per-file", "soon"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--per-file must be a duration"))
    }

    @Test func jsonReportCountsWhatIsSentAndKeptOut() throws {
        let tree = try project()
        let result = try CtxtrimProcess.run(["scan", tree.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        #expect(report["schemaVersion"] as? Int == 1)
        let totals = try #require(report["totals"] as? [String: Any])
        let sent = try #require(totals["sent"] as? [String: Any])
        let excluded = try #require(totals["excluded"] as? [String: Any])
        let gitDirectoryFiles = try FileManager.default.subpathsOfDirectory(atPath: tree.path + "/.git").filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: tree.path + "/.git/" + $0, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.count
        // Dockerfile, .dockerignore, .gitignore, 2 sources, scratch/app.bin, .env, NOTES.txt + everything in .git.
        #expect(sent["files"] as? Int == 8 + gitDirectoryFiles)
        #expect(excluded["files"] as? Int == 1)
        #expect(excluded["bytes"] as? Int == 4000)
        #expect(excluded["measured"] as? Bool == true)

        let git = try #require(report["git"] as? [String: Any])
        #expect(git["repository"] as? String == ".")
        #expect((git["ignored"] as? [String: Any])?["files"] as? Int == 2)
        #expect((git["untracked"] as? [String: Any])?["files"] as? Int == 1)
        #expect((git["tracked"] as? [String: Any])?["files"] as? Int == 5)
        #expect((git["vcs"] as? [String: Any])?["files"] as? Int == gitDirectoryFiles)

        let findings = try #require(report["findings"] as? [[String: Any]])
        let checks = Set(findings.compactMap { $0["check"] as? String })
        #expect(checks.isSuperset(of: ["secret-file", "vcs-dir", "git-ignored-sent"]))
        #expect(!result.output.contains("postgres://localhost/dev"))

        let largest = try #require(report["largest"] as? [String: Any])
        let files = try #require(largest["files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == "scratch/app.bin")
    }

    @Test func textReportIsPlainWithoutATerminalAndMentionsTheIgnoreFile() throws {
        let tree = try project()
        let result = try CtxtrimProcess.run(["scan", tree.path])
        #expect(result.status == 0)
        #expect(!result.output.contains("\u{1B}["))
        #expect(result.output.contains("ignore file  .dockerignore (1 pattern)"))
        #expect(result.output.contains("Largest files sent"))
        #expect(result.output.contains("secret-file"))
    }

    @Test func outsideARepositoryGitSaysNoneOnce() throws {
        let tree = try TemporaryTree("norepo")
        try tree.write("a.txt", "a")
        let text = try CtxtrimProcess.run(["scan", tree.path])
        #expect(text.output.components(separatedBy: "not inside a git repository").count == 2)
        let report = try json(try CtxtrimProcess.run(["scan", tree.path, "--format", "json"]))
        let git = try #require(report["git"] as? [String: Any])
        #expect(git["repository"] is NSNull)
        #expect(git["tracked"] is NSNull)
    }

    @Test func oddEntriesBecomeDiagnosticsAndTheScanGoesOn() throws {
        let tree = try TemporaryTree("odd")
        try tree.write("ok.txt", "fine")
        try tree.symlink("loop-a", to: "loop-b")
        try tree.symlink("loop-b", to: "loop-a")
        try tree.symlink("dangling", to: "missing/target")
        #expect(mkfifo(tree.path + "/pipe", 0o644) == 0)
        let badName = tree.path + "/bad-\u{FFFD}"
        _ = badName
        let raw = Array(tree.path.utf8) + Array("/name-".utf8) + [0xFF, 0xFE] + [0]
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try CtxtrimProcess.run(["scan", tree.path, "--format", "json", "--no-git"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try json(result)
        let kinds = Set(((report["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["special-file", "non-utf8-name"]))
        let sent = (report["totals"] as? [String: Any])?["sent"] as? [String: Any]
        #expect(sent?["symlinks"] as? Int == 3)
        #expect(sent?["others"] as? Int == 1)
        #expect(sent?["files"] as? Int == 2)
    }

    @Test func contextThatDoesNotExistIsARuntimeError() throws {
        let result = try CtxtrimProcess.run(["scan", "/nonexistent/ctxtrim-context"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/ctxtrim-context"))
    }

    @Test func transferredFollowsTheDockerfileTargetAndBuildArgs() throws {
        let tree = try TemporaryTree("transferred")
        try tree.write(
            "Dockerfile",
            "FROM alpine:3.20 AS tools\nCOPY tools /tools\n\nFROM alpine:3.20\nARG SRC=src\nCOPY ${SRC} /app\n")
        try tree.write("src/a.c", String(repeating: "a", count: 100))
        try tree.write("lib/b.c", String(repeating: "b", count: 200))
        try tree.write("tools/t.sh", String(repeating: "t", count: 400))
        try tree.write("docs/big.txt", String(repeating: "d", count: 5000))
        func transferred(_ extra: [String]) throws -> Int? {
            let result = try CtxtrimProcess.run(["scan", tree.path, "--format", "json", "--no-git"] + extra)
            let report = try #require(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            return ((report["totals"] as? [String: Any])?["transferred"] as? [String: Any])?["bytes"] as? Int
        }
        #expect(try transferred([]) == 100)
        #expect(try transferred(["--build-arg", "SRC=lib"]) == 200)
        #expect(try transferred(["--target", "tools"]) == 400)
        let unknown = try CtxtrimProcess.run(["scan", tree.path, "--target", "nope"])
        #expect(unknown.status == 2, "\(unknown.stderr)")
        #expect(unknown.stderr.contains(#"there is no stage named "nope" [dockerfile.unknown-target]"#))
    }

    /// `docker build` fails on each of these before sending anything; `scan` and `check` printed "passed" and
    /// exited 0, with the problem only in the JSON's `build.error`.
    @Test(arguments: ["scan", "check", "fix"])
    func aBuildDockerBuildWouldFailIsAnError(command: String) throws {
        let tree = try TemporaryTree("broken-build")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY a /a\n")
        try tree.write("a", "x\n")
        try tree.write("bad.Dockerfile", "FROM alpine:3.20\n\nCOPPY a /a\n")
        let missing = try CtxtrimProcess.run([command, tree.path, "-f", tree.path("missing.Dockerfile")])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("does not exist [context.dockerfile-not-found]"), "\(missing.stderr)")
        let unparsable = try CtxtrimProcess.run([command, tree.path, "-f", tree.path("bad.Dockerfile")])
        #expect(unparsable.status == 2, "\(unparsable.stderr)")
        #expect(unparsable.stderr.contains(#"bad.Dockerfile:3: unknown instruction "COPPY""#), "\(unparsable.stderr)")
        let unknownTarget = try CtxtrimProcess.run([command, tree.path, "--target", "nope"])
        #expect(unknownTarget.status == 2, "\(unknownTarget.stderr)")
        #expect(unknownTarget.stderr.contains("[dockerfile.unknown-target]"), "\(unknownTarget.stderr)")
        try FileManager.default.createDirectory(atPath: tree.path("dir.Dockerfile"), withIntermediateDirectories: true)
        let directory = try CtxtrimProcess.run([command, tree.path, "-f", tree.path("dir.Dockerfile")])
        #expect(directory.status == 2, "\(directory.stderr)")
        #expect(directory.stderr.contains("dir.Dockerfile"), "\(directory.stderr)")
        // Without -f and without a Dockerfile there is no build to fail: the context is still scanned.
        try FileManager.default.removeItem(atPath: tree.path("Dockerfile"))
        if command == "fix" {
            // fix also protects the other builds reading this .dockerignore: bad.Dockerfile is one it cannot read.
            let shared = try CtxtrimProcess.run([command, tree.path])
            #expect(shared.status == 2 && shared.stderr.contains("Dockerfile bad.Dockerfile"), "\(shared.stderr)")
            try FileManager.default.removeItem(atPath: tree.path("bad.Dockerfile"))
        }
        #expect(try CtxtrimProcess.run([command, tree.path]).status != 2)
    }
}
