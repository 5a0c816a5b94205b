import DockerIgnore
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// On generated trees, Dockerfiles and existing ignore files: `fix` never drops a file a COPY source reads, keeps
/// the user's bytes, and a second run changes nothing.
@Suite struct FixPropertyTests {
    static let names = [
        "src", "lib", "node_modules", "build", "dist", ".git", "docs", "__pycache__", "target", "config", "app",
    ]
    static let files = [
        "main.c", "index.js", ".env", "README.md", "app.log", "data.bin", "id_rsa", "x.pyc", ".DS_Store",
    ]
    static let userLines = [
        "# mine", "", "*.md", "!README.md", "docs", "build/", "  # not a comment", "**/*.bin", "!keep.bin",
    ]

    /// Builds a random tree; returns the files created (relative paths).
    static func makeTree(in dir: TemporaryTree, random: inout SplitMix64) throws -> [String] {
        var created: [String] = []
        for _ in 0..<Int.random(in: 8...30, using: &random) {
            let depth = Int.random(in: 0...3, using: &random)
            let parts =
                (0..<depth).map { _ in names.randomElement(using: &random)! } + [files.randomElement(using: &random)!]
            let path = parts.joined(separator: "/")
            if created.contains(where: { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }) { continue }
            try dir.write(path, String(repeating: "x", count: Int.random(in: 1...500, using: &random)))
            created.append(path)
        }
        return created
    }

    @Test(arguments: TestSeeds.list([0x5EED_F1C5]))
    func fixNeverDropsWhatTheDockerfileReadsAndIsIdempotent(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for round in 0..<40 {
            let dir = try TemporaryTree("fix-property")
            let files = try Self.makeTree(in: dir, random: &random)
            // Sources: a few existing paths (files or their directories), sometimes the whole context.
            var sources: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let file = files.randomElement(using: &random)!
                let parts = file.split(separator: "/")
                let cut = Int.random(in: 1...parts.count, using: &random)
                sources.append(parts.prefix(cut).joined(separator: "/"))
            }
            let copiesAll = Int.random(in: 0..<4, using: &random) == 0
            var dockerfile = "FROM alpine:3.20\n" + sources.map { "COPY \($0) /dst/\($0)\n" }.joined()
            if copiesAll { dockerfile += "COPY . /all\n" }
            try dir.write("Dockerfile", dockerfile)
            let userText =
                (0..<Int.random(in: 0...4, using: &random)).map { _ in Self.userLines.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? "\r\n" : "\n")
            if !userText.isEmpty || Bool.random(using: &random) { try dir.write(".dockerignore", userText) }
            let original = (try? Data(contentsOf: dir.url.appendingPathComponent(".dockerignore"))).map { Array($0) }

            let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
            let oldRules = try IgnoreRules(bytes: original ?? [], source: ".dockerignore")
            var options = IgnoreFileFixer.Options()
            options.strategy = [.deny, .auto].randomElement(using: &random)!
            let outcome = try IgnoreFileFixer(context: context, options: options).run()
            let updated = Array(try Data(contentsOf: dir.url.appendingPathComponent(".dockerignore")))
            let newRules = try IgnoreRules(bytes: updated, source: ".dockerignore")
            let context2 = "\(TestSeeds.describe(seed)) round \(round) sources \(sources) copiesAll \(copiesAll)"

            // Every file a source reads that was sent before is still sent.
            for file in files where sources.contains(where: { file == $0 || file.hasPrefix($0 + "/") }) {
                if try oldRules.matcher.sent(file).sent {
                    #expect(try newRules.matcher.sent(file).sent, "\(context2): \(file) dropped")
                }
            }
            // The user's bytes are all still there, in order.
            #expect(ManagedBlock.userBytes(updated) == (original ?? []), "\(context2): user bytes changed")
            // A second run changes nothing.
            let second = try IgnoreFileFixer(context: context, options: options).run()
            #expect(!second.wrote, "\(context2): second run rewrote the file")
            #expect(outcome.plan.strategy != .auto)
        }
    }

    @Test(arguments: [
        "", "# only a comment", "node_modules\n*.log", "a\r\nb\r\n", "no final newline", "\u{FEFF}bom\nsecond\n",
        "\n\n\n", "  # spaced\n!keep\n",
    ])
    func existingFilesKeepEveryByte(text: String) throws {
        let dir = try TemporaryTree("fix-roundtrip")
        try dir.write("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n")
        try dir.write(".env", "A=1\n")
        try dir.write("dist/app.js", "x")
        try dir.write(".dockerignore", text)
        let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
        _ = try IgnoreFileFixer(context: context, options: .init()).run()
        let updated = Array(try Data(contentsOf: dir.url.appendingPathComponent(".dockerignore")))
        #expect(ManagedBlock.userBytes(updated) == Array(text.utf8))
        #expect(String(decoding: updated, as: UTF8.self).contains(".env"))
    }

    /// Regression: on the benchmark tree, fix proposed `target` and `**/node_modules` entries that the user's own
    /// lines exclude and then deliberately re-include; placed above those lines, the block changed nothing.
    @Test func entriesTheUserExcludesOrReincludesAreLeftAlone() throws {
        let dir = try TemporaryTree("fix-user-intent")
        try dir.write("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n")
        try dir.write("Cargo.toml", "[package]\n")
        try dir.write("target/release/app", String(repeating: "x", count: 5000))
        try dir.write("target/debug/junk", String(repeating: "y", count: 5000))
        try dir.write(".dockerignore", "target\n!target/release/app\n")
        let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = IgnoreFileFixer.Options()
        options.dryRun = true
        let outcome = try IgnoreFileFixer(context: context, options: options).run()
        #expect(outcome.plan.patternCount == 0, "\(outcome.plan.lines)")
        #expect(!outcome.changed)
    }
}
