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

    @Test(arguments: TestSeeds.list([0x0051_E7D1]))
    func findingsAreTheSameWithAndWithoutSkipping(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for round in 0..<30 {
            let dir = try TemporaryTree("quiet")
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
                // A random tree may hold a `.git/` of junk that git refuses; the round then runs outside a repository.
                let repository = GitRepository(at: dir.path)
                _ = try? repository.run(["init", "-q"])
                _ = try? repository.run(["add", "-A"])
                _ = try? repository.run(["commit", "-qm", "x", "--allow-empty"])
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
                "\(TestSeeds.describe(seed)) round \(round)")
            #expect(fast.sent == reference.sent)
        }
    }
}
