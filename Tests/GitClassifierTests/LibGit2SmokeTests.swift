import Foundation
import Testing

@testable import GitClassifier

@Suite struct LibGit2SmokeTests {
    @Test func reportsLinkedVersion() {
        let parts = LibGit2.version.split(separator: ".")
        #expect(parts.count == 3)
        #expect(Int(parts[0]) ?? 0 >= 1)
    }

    @Test func opensRepositoryCreatedAtTestTime() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-smoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("sub/dir"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", root.path]
        try git.run()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0)

        let repository = try #require(try Repository.discover(containing: root.appendingPathComponent("sub/dir").path))
        let workdir = try #require(repository.workdir)
        #expect(URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path == root.resolvingSymlinksInPath().path)
    }

    @Test func directoryOutsideAnyRepositoryIsNil() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-norepo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // /tmp itself is not inside a repository on CI machines; guard against a developer's odd set-up.
        if try Repository.discover(containing: FileManager.default.temporaryDirectory.path) != nil { return }
        #expect(try Repository.discover(containing: root.path) == nil)
    }
}
