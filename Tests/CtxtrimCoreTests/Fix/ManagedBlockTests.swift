import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

@Suite struct ManagedBlockTests {
    static let userFiles: [(String, [UInt8])] = [
        ("empty", []),
        ("plain", Array("node_modules\n*.log\n".utf8)),
        ("no final newline", Array("# mine\nnode_modules".utf8)),
        ("CRLF", Array("# mine\r\nnode_modules\r\n\r\n!keep.log\r\n".utf8)),
        ("BOM", [0xEF, 0xBB, 0xBF] + Array("dist\n".utf8)),
        ("blank lines and comments", Array("\n\n# a\n  # b\n\t\nx # y\n".utf8)),
        ("begin marker without end", Array((ManagedBlock.beginMarker + "\nfoo\n").utf8)),
    ]

    @Test(arguments: userFiles)
    func userBytesSurviveAddingReplacingAndRemovingTheBlock(name: String, original: [UInt8]) {
        let once = ManagedBlock.merged(original, patterns: ["# 3 files, 1.0 KiB", "**/.env"])
        #expect(ManagedBlock.userBytes(once) == original, "\(name): adding the block lost user bytes")
        let twice = ManagedBlock.merged(once, patterns: ["# 3 files, 1.0 KiB", "**/.env"])
        #expect(twice == once, "\(name): merging the same block twice changed the file")
        let replaced = ManagedBlock.merged(once, patterns: ["/dist"])
        #expect(ManagedBlock.userBytes(replaced) == original)
        #expect(String(decoding: replaced, as: UTF8.self).contains("/dist"))
        #expect(!String(decoding: replaced, as: UTF8.self).contains("**/.env"))
        #expect(ManagedBlock.merged(replaced, patterns: []) == original)
    }

    @Test func blockGoesFirstButAfterTheBOM() {
        let original: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("dist\n".utf8)
        let merged = ManagedBlock.merged(original, patterns: ["x"])
        #expect(Array(merged.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: merged.dropFirst(3), as: UTF8.self).hasPrefix(ManagedBlock.beginMarker + "\nx\n"))
        #expect(String(decoding: merged, as: UTF8.self).hasSuffix("<<<\ndist\n"))
    }

    @Test func blockFollowsTheFilesLineEndings() {
        let merged = ManagedBlock.merged(Array("a\r\n".utf8), patterns: ["x"])
        #expect(
            String(decoding: merged, as: UTF8.self) == ManagedBlock.beginMarker + "\r\nx\r\n" + ManagedBlock.endMarker
                + "\r\na\r\n")
    }

    @Test func existingBlockIsReplacedInPlace() {
        let text = "top\n" + ManagedBlock.beginMarker + "\nold\n" + ManagedBlock.endMarker + "\nbottom"
        let merged = String(decoding: ManagedBlock.merged(Array(text.utf8), patterns: ["new"]), as: UTF8.self)
        #expect(merged == "top\n" + ManagedBlock.beginMarker + "\nnew\n" + ManagedBlock.endMarker + "\nbottom")
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesContentAndKeepsMode() throws {
        let dir = try TemporaryTree("atomic")
        let path = try dir.write(".dockerignore", "old\n")
        chmod(path, 0o600)
        try AtomicFile.write(Array("new\n".utf8), to: path)
        #expect(try InputFile.read(path, kind: .ignoreFile, origin: .user) == Array("new\n".utf8))
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == [".dockerignore"])
    }

    @Test func createsAMissingFile() throws {
        let dir = try TemporaryTree("atomic")
        let path = dir.path + "/.dockerignore"
        #expect(try InputFile.read(path, kind: .ignoreFile, origin: .user) == nil)
        try AtomicFile.write(Array("x\n".utf8), to: path)
        #expect(try InputFile.read(path, kind: .ignoreFile, origin: .user) == Array("x\n".utf8))
    }

    @Test func failsWithoutTouchingAnythingInAMissingDirectory() {
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write([1], to: "/nonexistent-ctxtrim/.dockerignore")
        }
    }
}

@Suite struct UnifiedDiffTests {
    @Test func equalTextsGiveNoDiff() {
        #expect(UnifiedDiff.render(old: "a\n", new: "a\n", oldName: "a", newName: "b") == "")
    }

    @Test func insertionAtTopWithContext() {
        let diff = UnifiedDiff.render(
            old: "a\nb\nc\nd\ne\n", new: "x\na\nb\nc\nd\ne\n", oldName: "a/.dockerignore", newName: "b/.dockerignore")
        #expect(diff == "--- a/.dockerignore\n+++ b/.dockerignore\n@@ -1,3 +1,4 @@\n+x\n a\n b\n c\n")
    }

    @Test func newFileFromDevNull() {
        let diff = UnifiedDiff.render(old: "", new: "a\nb\n", oldName: "/dev/null", newName: "b/.dockerignore")
        #expect(diff == "--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    }

    @Test func replacementInTheMiddleAndMissingFinalNewline() {
        let diff = UnifiedDiff.render(
            old: "1\n2\n3\n4\n5\n6\n7\n8\n9", new: "1\n2\n3\n4\nX\n6\n7\n8\n9", oldName: "a", newName: "b")
        #expect(diff == "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n")
        let tail = UnifiedDiff.render(old: "a\nb", new: "a\nb\n", oldName: "a", newName: "b")
        #expect(tail == "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }
}

@Suite struct ShrinkReportTests {
    func report(before: Int64, after: Int64) -> ShrinkReport {
        ShrinkReport(
            eligibleBefore: .init(files: 3, bytes: before), eligibleAfter: .init(files: 2, bytes: after),
            transferredBefore: nil, transferredAfter: nil, rate: .defaultRate, patterns: 1)
    }

    @Test func savingsAreShownAsAShareRoundedDown() {
        #expect(report(before: 10000, after: 1).text(style: TextStyle(color: false)).contains("-99.9%"))
        #expect(report(before: 1000, after: 500).text(style: TextStyle(color: false)).contains("-50.0%"))
    }

    @Test func growthIsShownWithAPlus() {
        // A new ignore file in a tiny context can make it larger.
        let text = report(before: 9, after: 192).text(style: TextStyle(color: false))
        #expect(text.contains("+2033.3%"), "\(text)")
        #expect(!text.contains("--"))
    }
}
