import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

@Suite struct BuildContextTests {
    @Test func contextIgnoreFileIsUsedByDefault() throws {
        let dir = try TemporaryTree()
        try dir.write("Dockerfile", "FROM scratch\n")
        try dir.write(".dockerignore", "node_modules\n")
        let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
        #expect(context.ignoreFile?.displayPath == ".dockerignore")
        #expect(context.ignoreFile?.origin == .context)
        #expect(context.dockerfileDisplayPath == "Dockerfile")
        #expect(context.dockerfileExists)
        #expect(context.shadowedIgnoreFile == nil)
    }

    @Test func dockerfileSpecificIgnoreFileReplacesContextOne() throws {
        let dir = try TemporaryTree()
        try dir.write("docker/app.Dockerfile", "FROM scratch\n")
        try dir.write("docker/app.Dockerfile.dockerignore", "*\n")
        try dir.write(".dockerignore", "node_modules\n")
        let context = try BuildContext.resolve(
            context: dir.path, dockerfile: dir.path + "/docker/app.Dockerfile", ignoreFileOverride: nil)
        #expect(context.ignoreFile?.displayPath == "docker/app.Dockerfile.dockerignore")
        #expect(context.ignoreFile?.origin == .dockerfileSpecific)
        #expect(context.shadowedIgnoreFile == ".dockerignore")
    }

    @Test func defaultDockerfileNameHasItsOwnSpecificIgnoreFile() throws {
        let dir = try TemporaryTree()
        try dir.write("Dockerfile", "FROM scratch\n")
        try dir.write("Dockerfile.dockerignore", "x\n")
        let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
        #expect(context.ignoreFile?.displayPath == "Dockerfile.dockerignore")
    }

    @Test func overrideWins() throws {
        let dir = try TemporaryTree()
        try dir.write("Dockerfile.dockerignore", "x\n")
        try dir.write("other.ignore", "y\n")
        let context = try BuildContext.resolve(
            context: dir.path, dockerfile: nil, ignoreFileOverride: dir.path + "/other.ignore")
        #expect(context.ignoreFile?.origin == .override)
        #expect(context.ignoreFile?.displayPath == "other.ignore")
    }

    @Test func noIgnoreFileAtAll() throws {
        let dir = try TemporaryTree()
        let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
        #expect(context.ignoreFile == nil)
        #expect(!context.dockerfileExists)
    }

    @Test func missingContextIsAnErrorNamingIt() throws {
        #expect(throws: ContextError.self) {
            try BuildContext.resolve(context: "/nonexistent/ctxtrim", dockerfile: nil, ignoreFileOverride: nil)
        }
        do {
            _ = try BuildContext.resolve(context: "/nonexistent/ctxtrim", dockerfile: nil, ignoreFileOverride: nil)
        } catch {
            #expect(error.code == .contextNotFound)
            #expect(error.message.contains("/nonexistent/ctxtrim"))
        }
    }

    @Test func missingOverrideIsAnError() throws {
        let dir = try TemporaryTree()
        #expect(throws: ContextError.self) {
            try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: dir.path + "/nope")
        }
    }

    @Test func rootIsResolvedThroughSymlinks() throws {
        let dir = try TemporaryTree()
        try dir.makeDirectory("real")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: "real")
        let context = try BuildContext.resolve(context: dir.path + "/link", dockerfile: nil, ignoreFileOverride: nil)
        #expect(context.root.hasSuffix("/real"))
    }
}
