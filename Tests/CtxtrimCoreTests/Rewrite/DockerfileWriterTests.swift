import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// `--write` on real files: the Dockerfile replaced atomically with its mode, `Dockerfile.orig` only on request and
/// never over an existing one, a link out of the context or a non-regular file refused, a file changed since it
/// was read left alone.
@Suite struct DockerfileWriterTests {
    static func proposal(_ tree: TemporaryTree) throws -> (BuildContext, DockerfileRewrite) {
        try tree.copyFixture("rewrite/go")
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        guard case .proposed(let rewrite) = try DockerfileRewriter(context: context).run() else {
            throw NotRewritten()
        }
        return (context, rewrite)
    }

    struct NotRewritten: Error {}

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func writesTheProposalKeepingTheMode() throws {
        let tree = try TemporaryTree("rewrite-write")
        let (context, rewrite) = try Self.proposal(tree)
        chmod(tree.path("Dockerfile"), 0o640)
        let written = try DockerfileWriter.write(rewrite, context: context, keepOriginal: false)
        #expect(try Self.read(tree.path("Dockerfile")) == rewrite.text)
        #expect(written.original == nil)
        #expect(!FileManager.default.fileExists(atPath: tree.path("Dockerfile.orig")))
        var info = stat()
        #expect(stat(tree.path("Dockerfile"), &info) == 0 && info.st_mode & 0o777 == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tree.path).filter {
            $0.contains(".ctxtrim-tmp-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func keepOriginalWritesDockerfileOrigFirst() throws {
        let tree = try TemporaryTree("rewrite-keep")
        let (context, rewrite) = try Self.proposal(tree)
        let written = try DockerfileWriter.write(rewrite, context: context, keepOriginal: true)
        #expect(try Self.read(tree.path("Dockerfile.orig")) == rewrite.original)
        #expect(try Self.read(tree.path("Dockerfile")) == rewrite.text)
        #expect(written.original?.hasSuffix("/Dockerfile.orig") == true)
    }

    @Test func anExistingOrigIsNeverReplaced() throws {
        let tree = try TemporaryTree("rewrite-orig-exists")
        let (context, rewrite) = try Self.proposal(tree)
        _ = try tree.write("Dockerfile.orig", "mine\n")
        #expect(throws: RewriteWriteError.self) {
            try DockerfileWriter.write(rewrite, context: context, keepOriginal: true)
        }
        #expect(try Self.read(tree.path("Dockerfile.orig")) == "mine\n")
        #expect(try Self.read(tree.path("Dockerfile")) == rewrite.original)
    }

    @Test func aDockerfileChangedSinceItWasReadIsLeftAlone() throws {
        let tree = try TemporaryTree("rewrite-changed")
        let (context, rewrite) = try Self.proposal(tree)
        _ = try tree.write("Dockerfile", rewrite.original + "# edited\n")
        #expect(throws: RewriteWriteError.self) {
            try DockerfileWriter.write(rewrite, context: context, keepOriginal: false)
        }
        #expect(try Self.read(tree.path("Dockerfile")) == rewrite.original + "# edited\n")
    }

    @Test func aSymlinkOutOfTheContextIsRefused() throws {
        let tree = try TemporaryTree("rewrite-link-out")
        let outside = try TemporaryTree("rewrite-link-target")
        let (_, rewrite) = try Self.proposal(tree)
        _ = try outside.write("Dockerfile", rewrite.original)
        try FileManager.default.removeItem(atPath: tree.path("Dockerfile"))
        try tree.symlink("Dockerfile", to: outside.path("Dockerfile"))
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        do {
            _ = try DockerfileWriter.write(rewrite, context: context, keepOriginal: false)
            Issue.record("wrote through a link out of the context")
        } catch let error as RewriteWriteError {
            #expect(error.code == .linkLeavesContext)
        }
        #expect(try Self.read(outside.path("Dockerfile")) == rewrite.original)
    }

    @Test func aSymlinkInsideTheContextIsWrittenThrough() throws {
        let tree = try TemporaryTree("rewrite-link-in")
        let (_, rewrite) = try Self.proposal(tree)
        try FileManager.default.moveItem(atPath: tree.path("Dockerfile"), toPath: tree.path("build.Dockerfile"))
        try tree.symlink("Dockerfile", to: "build.Dockerfile")
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        _ = try DockerfileWriter.write(rewrite, context: context, keepOriginal: false)
        #expect(try Self.read(tree.path("build.Dockerfile")) == rewrite.text)
        var info = stat()
        #expect(lstat(tree.path("Dockerfile"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    }

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let tree = try TemporaryTree("rewrite-fifo")
        let (_, rewrite) = try Self.proposal(tree)
        try FileManager.default.removeItem(atPath: tree.path("Dockerfile"))
        #expect(mkfifo(tree.path("Dockerfile"), 0o644) == 0)
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        #expect(throws: (any Error).self) {
            try DockerfileWriter.write(rewrite, context: context, keepOriginal: false)
        }
        var info = stat()
        #expect(lstat(tree.path("Dockerfile"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}
