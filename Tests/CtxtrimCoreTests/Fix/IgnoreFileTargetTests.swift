import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// Which ignore file `fix` may replace, on real trees: the context is untrusted, `--ignore-file` is trusted.
@Suite struct IgnoreFileTargetTests {
    let scratch: TemporaryTree
    let root: String

    init() throws {
        scratch = try TemporaryTree("ignore-target")
        try scratch.makeDirectory("context")
        root = WritePath.real(scratch.path + "/context")!
    }

    func resolve(_ relative: String, trusted: Bool = false, force: Bool = false) throws -> String {
        try IgnoreFileTarget.resolve(
            root + "/" + relative, root: root, trusted: trusted, force: force, shownAs: relative)
    }

    func code(_ body: () throws -> String) -> AtomicFile.WriteError.Code? {
        do {
            _ = try body()
            return nil
        } catch let error as AtomicFile.WriteError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func aPlainOrMissingIgnoreFileIsItself() throws {
        #expect(try resolve(".dockerignore") == root + "/.dockerignore")
        try scratch.write("context/.dockerignore", "node_modules\n")
        #expect(try resolve(".dockerignore") == root + "/.dockerignore")
    }

    @Test func aSymlinkToARegularFileInsideTheContextIsWrittenThrough() throws {
        try scratch.write("context/config/ignore", "x\n")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/.dockerignore", withDestinationPath: "config/ignore")
        #expect(try resolve(".dockerignore") == root + "/config/ignore")
    }

    @Test func aSymlinkLeavingTheContextIsRefusedNamingTheLinkAndItsTarget() throws {
        try scratch.write("outside", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: root + "/.dockerignore", withDestinationPath: "../outside")
        do {
            _ = try resolve(".dockerignore")
            Issue.record("a link out of the context was accepted")
        } catch let error as AtomicFile.WriteError {
            #expect(error.code == .linkLeavesContext)
            #expect(error.description.contains("`../outside`") && error.description.contains("/outside, outside"))
        }
        // The same link named with --ignore-file is the user's own choice.
        #expect(try resolve(".dockerignore", trusted: true) == scratch.path + "/context/../outside")
    }

    @Test func aDanglingSymlinkOrADirectoryLeadingOutIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/.dockerignore", withDestinationPath: "missing")
        #expect(code { try resolve(".dockerignore") } == .linkLeavesContext)
        try FileManager.default.createSymbolicLink(atPath: root + "/docker", withDestinationPath: scratch.path)
        #expect(code { try resolve("docker/Dockerfile.dockerignore") } == .linkLeavesContext)
    }

    @Test func aFIFOOrDirectoryIsRefused() throws {
        #expect(mkfifo(root + "/.dockerignore", 0o644) == 0)
        #expect(code { try resolve(".dockerignore") } == .notRegularFile)
        #expect(code { try resolve(".dockerignore", trusted: true) } == .notRegularFile)
        try scratch.makeDirectory("context/Dockerfile.dockerignore")
        #expect(code { try resolve("Dockerfile.dockerignore") } == .isDirectory)
    }

    @Test func aSymlinkToADeviceIsRefusedEvenWhenTrusted() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/.dockerignore", withDestinationPath: "/dev/null")
        #expect(code { try resolve(".dockerignore") } == .linkLeavesContext)
        #expect(code { try resolve(".dockerignore", trusted: true) } == .notRegularFile)
    }

    /// Root ignores permission bits, so the mode decides (tests run as root in CI).
    @Test func aReadOnlyIgnoreFileNeedsForce() throws {
        let path = try scratch.write("context/.dockerignore", "x\n")
        chmod(path, 0o444)
        #expect(code { try resolve(".dockerignore") } == .readOnly)
        #expect(try resolve(".dockerignore", force: true) == root + "/.dockerignore")
    }
}
