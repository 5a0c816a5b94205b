import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// Atomic replacement on real files: only a regular file is replaced, its mode is kept, no temporary file survives.
@Suite struct AtomicWriteTests {
    static func kind(_ path: String) -> mode_t? { FileProbe.kind(path) }
    static func mode(_ path: String) -> mode_t? { FileProbe.mode(path) }
    static func contents(_ path: String) -> String? { FileProbe.contents(path) }

    static func leftovers(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".ctxtrim-") }
    }

    @Test(arguments: [true, false])
    func replacesARegularFileKeepingItsModeAndLeavesNoTemporaryFile(unnamedFirst: Bool) throws {
        let scratch = try TemporaryTree("atomic")
        let path = try scratch.write("report.txt", "old")
        chmod(path, 0o640)
        try AtomicFile.write(Array("new".utf8), to: path, unnamedFirst: unnamedFirst)
        #expect(Self.contents(path) == "new")
        #expect(Self.mode(path) == 0o640)
        #expect(try Self.leftovers(scratch.path).isEmpty)
    }

    @Test func createsANewFileWithMode0644() throws {
        let scratch = try TemporaryTree("atomic")
        let path = scratch.path + "/new.txt"
        try AtomicFile.write(Array("x".utf8), to: path)
        #expect(Self.contents(path) == "x")
        #expect(Self.mode(path) == 0o644)
    }

    @Test func refusesToReplaceAnythingButARegularFile() throws {
        let scratch = try TemporaryTree("atomic")
        let fifo = scratch.path + "/fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let link = scratch.path + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target")
        try scratch.makeDirectory("dir")
        for (path, code) in [
            (fifo, AtomicFile.WriteError.Code.notRegularFile), (link, .notRegularFile),
            (scratch.path + "/dir", .isDirectory),
        ] {
            #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1], to: path) }
            do {
                try AtomicFile.write([1], to: path)
            } catch {
                #expect(error.code == code, "\(path)")
            }
        }
        #expect(Self.kind(fifo) == S_IFIFO && Self.kind(link) == S_IFLNK)
    }

    @Test func controlCharactersInAPathAreEscapedInMessages() {
        let error = AtomicFile.WriteError(code: .notRegularFile, path: "a\u{1B}[31m\nb", message: "it is a FIFO")
        #expect(error.message == "cannot write a\\e[31m\\nb: it is a FIFO; nothing was changed")
    }
}
