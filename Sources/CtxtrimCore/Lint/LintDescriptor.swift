/// What a lint check (ignore-file lint or Dockerfile hint) is and how it behaves: the same documentation as a
/// `CheckDescriptor`, with examples that are whole build contexts instead of walk events.
package struct LintDescriptor: Sendable {
    /// The stable kebab-case id findings carry, such as `ignore-unused-pattern`.
    package let id: String
    /// A short title for tables.
    package let title: String
    /// One sentence saying what the check reports.
    package let summary: String
    package let defaultSeverity: Severity
    /// Longer help: why it matters, what to do, and the decisions the check makes.
    package let help: String
    /// Contexts that must trigger the check and contexts that must not; unit tests build and run every one.
    package let examples: [LintExample]

    package init(
        id: String, title: String, summary: String, defaultSeverity: Severity, help: String, examples: [LintExample]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.help = help
        self.examples = examples
    }

    /// The descriptor the check catalog, `ctxtrim checks` and SARIF rules read. Its examples carry the labels only
    /// (no walk events): run lint examples through `LintRegistry`, not through a `CheckRun`.
    package var documentation: CheckDescriptor {
        CheckDescriptor(
            id: id, title: title, summary: summary, defaultSeverity: defaultSeverity, help: help,
            yieldsToClaimedDirectories: false,
            examples: examples.map { CheckExample($0.label, triggers: $0.triggers, events: []) })
    }
}
