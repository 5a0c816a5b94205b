import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Skipping the per-entry checks below directories the checks claim whole must not change any finding of the walk's
/// checks. (The ignore-file lint deliberately ignores what lies in such directories: a `.dockerignore` shipped inside
/// an installed package is not the user's.)
@Suite struct QuietDirectoriesTests {
    static let names = ["node_modules", ".git", "vendor", "src", "dist", "lib", ".venv", "build", "pkg"]
    static let files = [
        "index.js", ".env", ".DS_Store", "app.log", "id_rsa", "main.c", "x.pem", "README.md", "k.key", ".dockerignore",
    ]

    @Test func findingsAreTheSameWithAndWithoutSkipping() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["CTXTRIM_SEED"] ?? "") ?? 0x0051_E7D1
        var random = SplitMix64(seed: seed)
        for round in 0..<30 {
            let dir = try ScratchDirectory("quiet")
            for _ in 0..<Int.random(in: 10...40, using: &random) {
                let depth = Int.random(in: 0...4, using: &random)
                let parts =
                    (0..<depth).map { _ in Self.names.randomElement(using: &random)! }
                    + [Self.files.randomElement(using: &random)!]
                let path = parts.joined(separator: "/")
                let isKey = path.hasSuffix("id_rsa") || path.hasSuffix(".key")
                let text =
                    isKey
                    ? [
                        "-----BEGIN ", "RSA PRIVATE KEY-----\n",
                        String(repeating: "MIIEpAIBAAKCAQEAu1SU1LfVLPHC\n", count: 4),
                    ]
                    .joined() : "x"
                try? dir.write(path, text)
            }
            if Bool.random(using: &random) {
                try FileManager.default.createSymbolicLink(
                    atPath: dir.path + "/node_modules-link", withDestinationPath: "/etc/passwd")
            }
            // Half the rounds in a repository where part of the tree is tracked (a tracked node_modules is source).
            let useGit = round % 2 == 0
            if useGit {
                try dir.write(".gitignore", Bool.random(using: &random) ? "node_modules/\n" : "dist/\n")
                try Self.git(["init", "-q"], in: dir.path)
                try Self.git(["add", "-A"], in: dir.path)
                try Self.git(
                    ["-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "x", "--allow-empty"],
                    in: dir.path)
                try dir.write("node_modules/late/new.js", "x")
            }
            let context = try BuildContext.resolve(context: dir.path, dockerfile: nil, ignoreFileOverride: nil)
            let rules = try IgnoreRules.load(for: context)
            var options = ContextScanner.Options()
            options.git = useGit
            let fast = try ContextScanner(context: context, rules: rules, options: options).scan()
            options.skipChecksInClaimedDirectories = false
            let reference = try ContextScanner(context: context, rules: rules, options: options).scan()
            let lint = Set(LintRegistry.ids)
            #expect(
                fast.findings.filter { !lint.contains($0.check) }
                    == reference.findings.filter { !lint.contains($0.check) },
                "seed \(seed) round \(round)")
            #expect(fast.sent == reference.sent)
        }
    }

    static func git(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
