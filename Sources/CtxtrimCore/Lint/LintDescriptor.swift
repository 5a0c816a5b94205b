/// What a lint check (ignore-file lint or Dockerfile hint) is and how it behaves: the same documentation as a
/// `CheckDescriptor`, with examples that are whole build contexts instead of walk events.
package struct LintDescriptor: Sendable {
    /// The stable id findings carry, such as `ignore-unused-pattern`.
    package let id: CheckID
    /// A short title for tables.
    package let title: String
    /// One sentence saying what the check reports.
    package let summary: String
    package let defaultSeverity: Severity
    /// Longer help: why it matters, what to do, and the decisions the check makes.
    package let help: String
    /// `.ignoreFile` or `.dockerfile`.
    package let family: CheckFamily
    /// The kinds of subject its findings name.
    package let subjects: [FindingSubject.Kind]
    /// Contexts that must trigger the check and contexts that must not; unit tests build and run every one.
    package let examples: [LintExample]

    package init(
        id: CheckID, title: String, summary: String, defaultSeverity: Severity, help: String,
        family: CheckFamily = .ignoreFile, subjects: [FindingSubject.Kind], examples: [LintExample]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.help = help
        self.family = family
        self.subjects = subjects
        self.examples = examples
    }

    /// The descriptor the check catalog, `ctxtrim checks` and SARIF rules read. Its examples carry the labels only
    /// (no walk events): run lint examples through `LintRegistry`, not through a `CheckRun`.
    package var documentation: CheckDescriptor {
        CheckDescriptor(
            id: id, title: title, summary: summary, defaultSeverity: defaultSeverity, help: help, family: family,
            subjects: subjects, yieldsToClaimedDirectories: false,
            examples: examples.map { CheckExample($0.label, triggers: $0.triggers, events: []) })
    }
}
