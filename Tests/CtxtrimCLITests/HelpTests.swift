import Foundation
import Testing

/// The flags several commands share come from one option group each: the same name and the same help everywhere,
/// on every command that can use them, and no default stated twice.
@Suite struct HelpTests {
    static let commands = ["scan", "check", "ls", "explain", "fix", "checks", "digest"]

    /// Each option's help block (`--name` → its text with wrapped lines joined) from `ctxtrim COMMAND --help`.
    static func options(_ command: String) throws -> [String: String] {
        let help = try CtxtrimProcess.run([command, "--help"]).output
        let section = help.components(separatedBy: "OPTIONS:").last ?? ""
        var blocks: [String: String] = [:]
        var current: String?
        for line in section.split(separator: "\n") {
            if line.hasPrefix("  -") {
                let flags = line.dropFirst(2).split(separator: " ").prefix { $0.hasPrefix("-") }
                current = flags.last.map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }
                if let current { blocks[current] = String(line) }
            } else if let current, line.hasPrefix("   ") {
                blocks[current, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        return blocks.mapValues { $0.split(separator: " ").joined(separator: " ") }
    }

    /// Which commands must take each shared flag: the context group everywhere a context is read, the build group
    /// where the Dockerfile is, the walk and git groups where the context is walked and classified.
    @Test(arguments: [
        ("--file", ["scan", "check", "ls", "explain", "fix", "digest"]),
        ("--ignore-file", ["scan", "check", "ls", "explain", "fix", "digest"]),
        ("--target", ["scan", "check", "fix", "digest"]), ("--build-arg", ["scan", "check", "fix", "digest"]),
        ("--threads", ["scan", "check", "ls", "fix", "digest"]), ("--no-git", ["scan", "check", "fix"]),
        ("--git-timeout", ["scan", "check", "fix"]),
    ])
    func sharedFlagsHaveTheSameHelpOnEveryCommandThatUsesThem(flag: String, commands: [String]) throws {
        let blocks = try commands.map { command in
            try #require(Self.options(command)[flag], "ctxtrim \(command) lacks \(flag)")
        }
        #expect(Set(blocks).count == 1, "\(flag) reads differently across \(commands): \(blocks)")
    }

    @Test(arguments: commands)
    func noOptionStatesItsDefaultTwice(command: String) throws {
        for (flag, block) in try Self.options(command) {
            #expect(block.components(separatedBy: "default").count <= 2, "\(command) \(flag): \(block)")
        }
    }
}
