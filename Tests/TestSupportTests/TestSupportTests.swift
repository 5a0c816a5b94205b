import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The shared helpers do what every suite relies on: trees go away, fixtures arrive inert-renamed, git is isolated
/// and repeatable, seeds parse, golden files are found beside the tests.
@Suite struct TestSupportTests {
    @Test func aTemporaryTreeIsRemovedWhenReleased() throws {
        var tree: TemporaryTree? = try TemporaryTree("support")
        let path = try #require(tree).path
        try tree?.write("a/b/c.txt", "c")
        try tree?.symlink("a/link", to: "/etc/passwd")
        #expect(FileManager.default.fileExists(atPath: path + "/a/b/c.txt"))
        tree = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Regression: FileManager cannot remove a chain deeper than PATH_MAX, which the hostile-tree tests build.
    @Test func aTreeBeyondPathMaxIsRemovedToo() throws {
        var tree: TemporaryTree? = try TemporaryTree("support-deep")
        let path = try #require(tree).path
        var descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let name = String(repeating: "d", count: 200)
        for _ in 0..<30 {
            #expect(mkdirat(descriptor, name, 0o755) == 0)
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            close(descriptor)
            descriptor = child
        }
        close(descriptor)
        #expect(throws: (any Error).self) { try FileManager.default.removeItem(atPath: path) }
        tree = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFixtureIsCopiedWithItsGitRulesAsDotGitignore() throws {
        let tree = try TemporaryTree("support-fixture")
        try tree.copyFixture("compose", to: "repo")
        #expect(FileManager.default.fileExists(atPath: tree.path("repo/.gitignore")))
        #expect(!FileManager.default.fileExists(atPath: tree.path("repo/_gitignore")))
        let original = try PackageRoot.read("Fixtures/compose/compose.yaml")
        #expect(FileProbe.contents(tree.path("repo/compose.yaml")) == original)
    }

    @Test func gitRunsWithoutTheMachinesConfigurationAndWithFixedDates() throws {
        func commit() throws -> (TemporaryTree, String) {
            let tree = try TemporaryTree("support-git")
            let git = try GitRepository.create(in: tree)
            try tree.write("a.txt", "a\n")
            try git.ignore(["*.log"])
            try git.commitAll("fixed")
            return (tree, try git.run(["rev-parse", "HEAD"]))
        }
        let (tree, first) = try commit()
        let (_, second) = try commit()
        // Same content, identity and dates: the same commit, on any machine.
        #expect(first == second)
        let git = GitRepository(at: tree.path)
        #expect(try git.run(["log", "-1", "--format=%an <%ae> %aI %cI"]).hasPrefix("ctxtrim tests <"))
        #expect(try git.run(["log", "-1", "--format=%at %ct"]) == "1704067200 1704067200\n")
        #expect(try git.run(["config", "--global", "--list"]).isEmpty)
        #expect(try git.paths(["ls-files", "-z"]) == [".gitignore", "a.txt"])
        #expect(throws: GitRepository.Failure.self) { try git.run(["no-such-command"]) }
    }

    @Test func seedsAreFixedUnlessTheVariableSaysOtherwise() {
        let defaults: [UInt64] = [3, 0x5EED]
        if ProcessInfo.processInfo.environment[TestSeeds.variable] == nil {
            #expect(TestSeeds.list(defaults) == defaults)
            #expect(TestSeeds.one(9) == 9)
        }
        #expect(TestSeeds.describe(0x5EED).contains("CTXTRIM_TEST_SEED=0x5eed"))
    }

    @Test func goldenFilesLiveInTheSnapshotsDirectoryOfTheTestTarget() {
        #expect(
            Snapshot.directory(for: "/src/Tests/CtxtrimCoreTests/Reporters/ReporterSnapshotTests.swift").path
                == "/src/Tests/CtxtrimCoreTests/Snapshots")
        #expect(
            Snapshot.directory(for: "/src/Tests/CtxtrimCLITests/GoldenOutputTests.swift").path
                == "/src/Tests/CtxtrimCLITests/Snapshots")
    }

    @Test(.disabled(if: ProcessInfo.processInfo.environment[Snapshot.recordVariable] == "1", "it would record one"))
    func aMissingGoldenFileFails() {
        #expect(throws: Snapshot.Mismatch.self) {
            try Snapshot.expect("x", matches: "no-such-golden-\(UUID().uuidString).txt")
        }
    }
}
