import ArgumentParser

/// The `ctxtrim` root command: parses and delegates to one subcommand.
public struct CtxtrimCommand: ParsableCommand {
    /// The released version; `CHANGELOG.md` names the same one.
    public static let version = "0.2.0"

    public static let configuration = CommandConfiguration(
        commandName: "ctxtrim",
        abstract: "Make Docker build contexts small and safe.",
        version: version,
        subcommands: [
            ScanCommand.self, LsCommand.self, ExplainCommand.self, FixCommand.self, CheckCommand.self,
            ChecksCommand.self, DigestCommand.self,
        ]
    )

    public init() {}
}
