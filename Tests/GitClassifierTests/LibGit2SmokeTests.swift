import Foundation
import TestSupport
import Testing

@testable import GitClassifier

@Suite struct LibGit2SmokeTests {
    @Test func reportsLinkedVersion() {
        let parts = LibGit2.version.split(separator: ".")
        #expect(parts.count == 3)
        #expect(Int(parts[0]) ?? 0 >= 1)
    }

    @Test func opensRepositoryCreatedAtTestTime() throws {
        let tree = try TemporaryTree("smoke")
        let root = tree.url
        try tree.makeDirectory("sub/dir")
        try GitRepository.create(in: tree)

        let repository = try #require(try Repository.discover(containing: root.appendingPathComponent("sub/dir").path))
        let workdir = try #require(repository.workdir)
        #expect(URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path == root.resolvingSymlinksInPath().path)
    }

    @Test func directoryOutsideAnyRepositoryIsNil() throws {
        let root = try TemporaryTree("norepo")
        // /tmp itself is not inside a repository on CI machines; guard against a developer's odd set-up.
        if try Repository.discover(containing: FileManager.default.temporaryDirectory.path) != nil { return }
        #expect(try Repository.discover(containing: root.path) == nil)
    }
}
