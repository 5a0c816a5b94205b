import Foundation
import TestSupport
import Testing

/// `ctxtrim fix --dockerfile` end to end, on the built binary: what it prints and the exit statuses the README's
/// table gives (0 proposed or written, 1 left alone or, with `--check`, a rewrite pending, 2 input error).
@Suite struct FixDockerfileCommandTests {
    static func project(_ fixture: String) throws -> TemporaryTree {
        let tree = try TemporaryTree("cli-rewrite-\(fixture)")
        try tree.copyFixture("rewrite/\(fixture)")
        return tree
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func printsTheProposalAndWritesNothing() throws {
        let tree = try Self.project("go")
        let before = try Self.read(tree.path("Dockerfile"))
        let result = try CtxtrimProcess.run(["fix", "--dockerfile", tree.path], timeLimit: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("FROM golang:${GO_VERSION}-bookworm AS build"))
        #expect(result.output.contains("FROM gcr.io/distroless/static-debian12"))
        #expect(result.output.contains("Verified by ctxtrim (no image was built):"))
        #expect(try Self.read(tree.path("Dockerfile")) == before)
    }

    @Test func checkExitsOneWhileARewriteIsPendingAndZeroAfterWrite() throws {
        let tree = try Self.project("rust")
        let pending = try CtxtrimProcess.run(["fix", "--dockerfile", "--check", tree.path], timeLimit: 60)
        #expect(pending.status == 1, "\(pending.stderr)")
        #expect(pending.output.contains("+FROM gcr.io/distroless/cc-debian12"))
        let written = try CtxtrimProcess.run(
            ["fix", "--dockerfile", "--write", "--keep-original", tree.path], timeLimit: 60)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.output.contains("the original is kept as"))
        #expect(try Self.read(tree.path("Dockerfile.orig")).hasPrefix("FROM rust:1.83-bookworm\n"))
        #expect(try Self.read(tree.path("Dockerfile")).contains("AS build"))
        let after = try CtxtrimProcess.run(["fix", "--dockerfile", "--check", tree.path], timeLimit: 60)
        #expect(after.status == 0, "\(after.output)")
        // The rewritten Dockerfile passes `check` with none of the hints the rewrite removes.
        let check = try CtxtrimProcess.run(["check", tree.path, "--no-git", "--format", "json"], timeLimit: 60)
        for id in ["single-stage-compiler-image", "copy-all-before-install", "copy-source-missing"] {
            #expect(!check.output.contains("\"\(id)\""), "\(id)")
        }
    }

    @Test func aRefusalExitsOneWithTheReason() throws {
        let tree = try Self.project("go-cgo")
        let result = try CtxtrimProcess.run(["fix", "--dockerfile", tree.path], timeLimit: 60)
        #expect(result.status == 1)
        #expect(result.output.contains("left alone (Go recognised) [native-dependencies]"))
        #expect(result.output.contains("imports \"C\""))
        let checked = try CtxtrimProcess.run(["fix", "--dockerfile", "--check", tree.path], timeLimit: 60)
        #expect(checked.status == 0, "nothing is pending when ctxtrim leaves the Dockerfile alone")
    }

    @Test func writeRefusesADockerfileLinkedOutOfTheContext() throws {
        let tree = try Self.project("go")
        let outside = try TemporaryTree("cli-rewrite-outside")
        let original = try Self.read(tree.path("Dockerfile"))
        _ = try outside.write("Dockerfile", original)
        try FileManager.default.removeItem(atPath: tree.path("Dockerfile"))
        try tree.symlink("Dockerfile", to: outside.path("Dockerfile"))
        let result = try CtxtrimProcess.run(["fix", "--dockerfile", "--write", tree.path], timeLimit: 60)
        #expect(result.status == 2, "\(result.output)")
        #expect(try Self.read(outside.path("Dockerfile")) == original)
    }

    @Test func optionsThatDoNotGoTogetherAreUsageErrors() throws {
        let tree = try Self.project("go")
        for arguments in [["--write"], ["--dockerfile", "--keep-original"], ["--dockerfile", "--all"]] {
            let result = try CtxtrimProcess.run(["fix"] + arguments + [tree.path], timeLimit: 60)
            #expect(result.status == 64, "\(arguments)")
        }
    }
}
