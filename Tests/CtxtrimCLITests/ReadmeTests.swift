import Foundation
import TestSupport
import Testing

/// The README documents what exists: its check table is generated from the checks' own descriptors.
@Suite struct ReadmeTests {
    static let readme: String = {
        let url = PackageRoot.file("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func checkTableMatchesTheCheckDescriptors() throws {
        let table = try CtxtrimProcess.run(["checks", "--format", "markdown"]).output
        #expect(!table.isEmpty)
        #expect(Self.readme.contains(table), "regenerate the README table with `ctxtrim checks --format markdown`")
    }

    @Test func checksJSONListsTheTableIDsWithTheDocumentedKeys() throws {
        let run = try CtxtrimProcess.run(["checks", "--format", "json"])
        #expect(run.status == 0)
        let items = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        // The same rows as the README table (which `checkTableMatchesTheCheckDescriptors` compares).
        let table = try CtxtrimProcess.run(["checks", "--format", "markdown"]).output
        let tableIDs = table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "`" })
        }
        let ids = items.compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty && ids == tableIDs, "the README table and `checks --format json` differ")
        let keys = Set(items.flatMap(\.keys))
        for key in keys {
            #expect(Self.readme.contains("`\(key)`"), "README does not document the key \(key) of checks --format json")
        }
    }

    @Test func everyCommandIsDocumented() throws {
        let help = try CtxtrimProcess.run(["--help"]).output
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        // Command lines are indented by two spaces and followed by their abstract; continuation lines are deeper.
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            let word = line.dropFirst(2).prefix { $0 != " " }
            guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0 == "-" }), word != "See" else { return nil }
            return String(word)
        }.filter { $0 != "help" }
        #expect(commands.count >= 4)
        for command in commands {
            #expect(Self.readme.contains("### `ctxtrim \(command)`"), "README lacks a section for \(command)")
        }
    }

    /// Every option of every command's `--help` (by any of its names) appears in that command's README section.
    @Test(arguments: ["scan", "ls", "explain", "fix", "check", "checks", "digest"])
    func everyFlagOfTheCommandIsDocumented(command: String) throws {
        let help = try CtxtrimProcess.run([command, "--help"]).output
        let heading = "### `ctxtrim \(command)`"
        let section =
            try #require(Self.readme.components(separatedBy: heading).dropFirst().first)
            .components(separatedBy: "\n### ").first ?? ""
        let options = (help.components(separatedBy: "OPTIONS:").last ?? "").split(separator: "\n")
            .filter { $0.hasPrefix("  -") }
            .map { line in
                line.dropFirst(2).split(separator: " ").prefix { $0.hasPrefix("-") }.map {
                    $0.trimmingCharacters(in: [","])
                }
            }
            .filter { !$0.contains("--help") && !$0.contains("--version") }
        #expect(!options.isEmpty)
        for names in options {
            let documented = names.contains { name in
                section.range(of: name + #"(?![A-Za-z0-9-])"#, options: .regularExpression) != nil
            }
            #expect(documented, "README's section on \(command) lacks \(names.joined(separator: ", "))")
        }
    }
}
