import Foundation
import TestSupport
import Testing

@Suite struct ExplainCommandTests {
    func context(_ ignore: String) throws -> TemporaryTree {
        let tree = try TemporaryTree("explain")
        try tree.write(".dockerignore", ignore)
        return tree
    }

    @Test func textNamesSourceLineAndPattern() throws {
        let tree = try context("# deps\nnode_modules\n*.log\n!keep.log\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "node_modules/a/b.js", "keep.log", "src/x.c", "-n"])
        #expect(result.status == 0)
        #expect(
            result.lines == [
                ".dockerignore:2:node_modules\tnode_modules/a/b.js", ".dockerignore:4:!keep.log\tkeep.log",
                "::\tsrc/x.c",
            ])
    }

    @Test func exitsOneWhenNothingIsExcluded() throws {
        let tree = try context("node_modules\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "src/a"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
    }

    @Test func jsonShowsBothDecisionsAndTheirDivergence() throws {
        // MatchesOrParentMatches keeps a/b (the exception matches its parent); BuildKit's walk excludes it.
        let tree = try context("a/b\n!a\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "a/b", "a/c", "--format", "json"])
        let objects = try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 2)
        #expect(objects[0]["path"] as? String == "a/b")
        #expect(objects[0]["excluded"] as? Bool == false)
        #expect(objects[0]["sent"] as? Bool == false)
        #expect(objects[1]["excluded"] as? Bool == false)
        #expect(objects[1]["sent"] as? Bool == true)
        #expect(objects[1]["source"] is NSNull)
    }

    @Test func readsThousandsOfPathsFromStdinNulSeparated() throws {
        let tree = try context("**/*.tmp\n")
        let paths = (0..<3000).map { "dir\($0 % 7)/file \($0).\($0 % 2 == 0 ? "tmp" : "txt")" }
        let input = Data(paths.joined(separator: "\u{0}").utf8)
        let result = try CtxtrimProcess.run(["explain", tree.path, "--stdin", "-z", "--format", "json"], input: input)
        #expect(result.status == 0)
        let records = result.output.split(separator: "\u{0}")
        #expect(records.count == 3000)
        let excluded = records.filter { $0.contains("\"excluded\":true") }.count
        #expect(excluded == 1500)
    }

    @Test func invalidIgnoreFileExitsTwoNamingFileAndLine() throws {
        let tree = try context("ok\n\n[\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "x"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".dockerignore:3"), "\(result.stderr)")
    }

    @Test func matchTimeErrorOnlyForPathsThatEvaluateTheBadPattern() throws {
        let tree = try context("foo\n![z-a]\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "bar", "foo", "--format", "json"])
        #expect(result.status == 2)
        #expect(result.lines.count == 2)
        #expect(result.lines[0].contains("\"excluded\":false"))
        #expect(result.lines[1].contains("\"error\""))
    }

    @Test func dockerfileSpecificIgnoreFileIsUsed() throws {
        let tree = try context("a\n")
        try tree.write("build/app.Dockerfile", "FROM scratch\n")
        try tree.write("build/app.Dockerfile.dockerignore", "b\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "-f", tree.path + "/build/app.Dockerfile", "a", "b"])
        #expect(result.lines == ["build/app.Dockerfile.dockerignore:1:b\tb"])
    }

    @Test func pathsOutsideTheContextAreErrors() throws {
        let tree = try context("a\n")
        let result = try CtxtrimProcess.run(["explain", tree.path, "../etc/passwd", "--format", "json"])
        #expect(result.status == 2)
        #expect(result.output.contains("outside the build context"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CtxtrimProcess.run(["explain", "."]).status == 64)
        #expect(try CtxtrimProcess.run(["scan", "--top", "-1"]).status == 64)
        #expect(try CtxtrimProcess.run(["no-such-command"]).status == 64)
    }

    @Test func versionMatchesTheChangelog() throws {
        let result = try CtxtrimProcess.run(["--version"])
        let version = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let changelog = try String(
            contentsOf: PackageRoot.file("CHANGELOG.md"),
            encoding: .utf8)
        #expect(changelog.contains("## [\(version)]"))
    }

    @Test(arguments: ["scan", "ls", "explain"])
    func everyCommandHasHelp(command: String) throws {
        let result = try CtxtrimProcess.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: ctxtrim \(command)"))
    }
}
