import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// The proof `fix` runs before and after writing, for every build that reads the ignore file, and the restore it
/// runs when the proof after writing fails, on real files.
@Suite struct FixProofTests {
    /// Two builds of one context: the `Dockerfile` copies `src`, `cart.Dockerfile` copies `cart` (line 3) and
    /// `copySchema` (line 4).
    static func proof(_ tree: TemporaryTree, copySchema: String) throws -> FixProof {
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY src /app\n")
        try tree.write("cart.Dockerfile", "FROM alpine:3.20\nRUN true\nCOPY cart /cart\nCOPY \(copySchema) /schema/\n")
        try tree.write("src/main.go", "package main\n")
        try tree.write("cart/cart.go", "package cart\n")
        try tree.write("telemetry-schema/model/registry.yaml", "groups: []\n")
        try tree.write("telemetry-schema/README.md", "# schema\n")
        var options = ContextScanner.Options()
        options.git = false
        options.findings = false
        func inputs(_ dockerfile: String) throws -> BuildInputs {
            let context = try BuildContext.resolve(
                context: tree.path, dockerfile: tree.path(dockerfile), ignoreFileOverride: nil)
            return try BuildInputs.read(context: context, target: nil, options: options)
        }
        return FixProof(
            builds: [
                ("the Dockerfile", try inputs("Dockerfile")),
                ("Dockerfile cart.Dockerfile", try inputs("cart.Dockerfile")),
            ],
            threads: 2, source: ".dockerignore")
    }

    static func rules(_ text: String) throws -> IgnoreRules {
        try IgnoreRules(bytes: Array(text.utf8), source: ".dockerignore")
    }

    @Test func aLiteralSourceExcludedNamesTheLineAndTheDockerfileLine() throws {
        let tree = try TemporaryTree("fix-proof")
        let proof = try Self.proof(tree, copySchema: "telemetry-schema")
        let old = try Self.rules("*.log\n")
        let new = try Self.rules("*.log\n# never read\ntelemetry-schema\n")
        let error = try #require(throws: FixError.self) {
            try proof.check(
                before: try proof.walk(rules: old), after: try proof.walk(rules: new), old: old, new: new,
                outcome: "nothing was written")
        }
        #expect(error.code == .unsafe)
        #expect(error.message.contains("line 3 of .dockerignore (`telemetry-schema`)"), "\(error.message)")
        #expect(error.message.contains("cart.Dockerfile:4: telemetry-schema"), "\(error.message)")
        #expect(error.message.hasSuffix("nothing was written"))
    }

    @Test func aFileAWildcardSourceReadsNamesTheFileTheLineAndTheDockerfileLine() throws {
        let tree = try TemporaryTree("fix-proof-wildcard")
        let proof = try Self.proof(tree, copySchema: "telemetry-*/model")
        let old = try Self.rules("*.log\n")
        let new = try Self.rules("*.log\n**/*.yaml\n")
        let error = try #require(throws: FixError.self) {
            try proof.check(
                before: try proof.walk(rules: old), after: try proof.walk(rules: new), old: old, new: new,
                outcome: "the original ignore file was restored")
        }
        #expect(
            error.message.contains(
                "line 2 of .dockerignore (`**/*.yaml`) would keep out `telemetry-schema/model/registry.yaml`"),
            "\(error.message)")
        #expect(error.message.contains("Dockerfile cart.Dockerfile reads (cart.Dockerfile:4:"), "\(error.message)")
    }

    @Test func whatNoBuildReadsMayGo() throws {
        let tree = try TemporaryTree("fix-proof-safe")
        let proof = try Self.proof(tree, copySchema: "telemetry-schema")
        let old = try Self.rules("*.log\n")
        let new = try Self.rules("*.log\n/telemetry-schema/README.md\n")
        let before = try proof.walk(rules: old)
        let after = try proof.walk(rules: new)
        // cart.Dockerfile copies the directory, README included: excluding it is a loss too.
        #expect(throws: FixError.self) {
            try proof.check(before: before, after: after, old: old, new: new, outcome: "")
        }
        let unread = try Self.rules("*.log\n/cart.Dockerfile.bak\n")
        try proof.check(
            before: before, after: try proof.walk(rules: unread), old: old, new: unread, outcome: "")
    }

    @Test func restorePutsTheOriginalBytesBackWithTheirMode() throws {
        let tree = try TemporaryTree("fix-restore")
        let path = try tree.write(".dockerignore", "# mine\r\nnode_modules")
        #expect(chmod(path, 0o640) == 0)
        let original = Array("# mine\r\nnode_modules".utf8)
        try AtomicFile.write(Array("# >>> ctxtrim\n.git\n".utf8), to: path)
        try FixProof.restore(original, at: path)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == original)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test func restoreRemovesAFileFixCreated() throws {
        let tree = try TemporaryTree("fix-restore-created")
        let path = tree.path(".dockerignore")
        try AtomicFile.write(Array(".git\n".utf8), to: path)
        #expect(FileManager.default.fileExists(atPath: path))
        try FixProof.restore(nil, at: path)
        #expect(!FileManager.default.fileExists(atPath: path))
        // Nothing there any more is no error: the file is as it was.
        try FixProof.restore(nil, at: path)
    }
}
