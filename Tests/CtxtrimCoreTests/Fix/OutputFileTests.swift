import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// Paths the user names for output, on real files: what is there decides how it is written.
@Suite struct OutputFileTests {
    static func kind(_ path: String) -> mode_t? { AtomicWriteTests.kind(path) }
    static func mode(_ path: String) -> mode_t? { AtomicWriteTests.mode(path) }
    static func contents(_ path: String) -> String? { AtomicWriteTests.contents(path) }
    static func leftovers(_ directory: String) throws -> [String] { try AtomicWriteTests.leftovers(directory) }

    @Test func outputToDevNullKeepsTheDevice() throws {
        try OutputFile.write(Array("report".utf8), to: "/dev/null")
        try OutputFile.write(Array("summary".utf8), to: "/dev/null", mode: .append)
        #expect(Self.kind("/dev/null") == S_IFCHR)
    }

    @Test func outputThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws {
        let scratch = try TemporaryTree("output")
        let target = try scratch.write("real/report.json", "old")
        chmod(target, 0o600)
        let link = scratch.path + "/report.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/report.json")
        try OutputFile.write(Array("new".utf8), to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(Self.contents(target) == "new")
        #expect(Self.mode(target) == 0o600)
        #expect(try Self.leftovers(scratch.path + "/real").isEmpty)
    }

    @Test func outputThroughADanglingSymlinkCreatesItsTarget() throws {
        let scratch = try TemporaryTree("output")
        let link = scratch.path + "/report.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.json")
        try OutputFile.write(Array("new".utf8), to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(Self.contents(scratch.path + "/made.json") == "new")
    }

    @Test func outputToADirectoryIsAnError() throws {
        let scratch = try TemporaryTree("output")
        #expect {
            try OutputFile.write([1], to: scratch.path)
        } throws: { ($0 as? AtomicFile.WriteError)?.code == .isDirectory }
    }

    @Test func outputToAFIFOWithoutAReaderFailsAtOnce() throws {
        let scratch = try TemporaryTree("output")
        let fifo = scratch.path + "/fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect {
            try OutputFile.write([1], to: fifo)
        } throws: { error in
            guard let error = error as? AtomicFile.WriteError else { return false }
            return error.code == .noReader && error.errno == ENXIO && "\(error)".contains("start its reader first")
        }
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test(arguments: [OutputFile.Mode.replace, .append])
    func outputToAFIFOWithAReaderWritesIntoIt(mode: OutputFile.Mode) throws {
        let scratch = try TemporaryTree("output")
        let fifo = scratch.path + "/fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let received = FIFOReader(fifo)
        try OutputFile.write(Array("through the pipe".utf8), to: fifo, mode: mode)
        #expect(received.wait() == "through the pipe")
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test func appendKeepsWhatIsThereAndCreatesAMissingFile() throws {
        let scratch = try TemporaryTree("output")
        let summary = try scratch.write("summary.md", "# earlier step\n")
        try OutputFile.write(Array("ours\n".utf8), to: summary, mode: .append)
        #expect(Self.contents(summary) == "# earlier step\nours\n")
        let fresh = scratch.path + "/fresh.md"
        try OutputFile.write(Array("ours\n".utf8), to: fresh, mode: .append)
        #expect(Self.contents(fresh) == "ours\n")
    }

    @Test func outputToADescriptorAliasWritesToThatDescriptor() throws {
        let scratch = try TemporaryTree("output")
        let path = try scratch.write("fd.txt", "")
        let descriptor = open(path, O_WRONLY | O_APPEND)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        try OutputFile.write(Array("a".utf8), to: "/proc/self/fd/\(descriptor)")
        try OutputFile.write(Array("b".utf8), to: "/dev/fd/\(descriptor)")
        #expect(Self.contents(path) == "ab")
        #expect(Self.kind(path) == S_IFREG)
    }
}
