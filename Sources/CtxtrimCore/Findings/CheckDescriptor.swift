/// What a check is and how it behaves, in one place: the README table, `--explain` and the SARIF rules read it.
package struct CheckDescriptor: Sendable {
    /// The stable kebab-case id findings carry, such as `secret-file`.
    package let id: String
    /// A short title for tables, such as "Secret file".
    package let title: String
    /// One sentence saying what the check reports.
    package let summary: String
    /// The severity of the findings this check produces.
    package let defaultSeverity: Severity
    /// Longer help: why it matters, what to do, and the decisions the check makes.
    package let help: String
    /// Whether a directory finding of another check (`vcs-dir`, `dependency-dir`, ...) hides this check's findings
    /// inside that directory. Secrets and unreadable entries are always reported.
    package let yieldsToClaimedDirectories: Bool
    /// Inputs that must trigger the check and inputs that must not; unit tests run every one.
    package let examples: [CheckExample]

    package init(
        id: String, title: String, summary: String, defaultSeverity: Severity, help: String,
        yieldsToClaimedDirectories: Bool, examples: [CheckExample]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.help = help
        self.yieldsToClaimedDirectories = yieldsToClaimedDirectories
        self.examples = examples
    }
}
