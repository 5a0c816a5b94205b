/// What a kind of finding is and how it behaves, in one place: `CheckCatalog` gives it to the README table,
/// `ctxtrim checks`, SARIF rules, CI titles, config validation and the fix planner.
package struct CheckDescriptor: Sendable {
    /// The stable id findings carry, such as `secret-file`.
    package let id: CheckID
    /// A short title for tables, such as "Secret file".
    package let title: String
    /// One sentence saying what the check reports.
    package let summary: String
    /// The severity of the findings this check produces.
    package let defaultSeverity: Severity
    /// Longer help: why it matters, what to do, and the decisions the check makes.
    package let help: String
    /// Which part of ctxtrim produces it.
    package let family: CheckFamily
    /// The kinds of subject its findings name; a test fails when a finding names another kind.
    package let subjects: [FindingSubject.Kind]
    /// The group `ctxtrim fix` files its findings under ("secrets", "dependencies", ...), or nil when fix does not
    /// exclude what it flags. Groups appear in catalogue order.
    package let fixReason: String?
    /// Whether a directory finding of another check (`vcs-dir`, `dependency-dir`, ...) hides this check's findings
    /// inside that directory. Secrets and unreadable entries are always reported.
    package let yieldsToClaimedDirectories: Bool
    /// The name BuildKit's linter gives the same rule (`StageNameCasing`), for checks that mirror `docker build
    /// --check`: `.ctxtrim.yml` and `# check=skip=` accept it for this id.
    package let buildKitName: String?
    /// Inputs that must trigger the check and inputs that must not; unit tests run every one (walk events through a
    /// `CheckRun`, contexts through a scan).
    package let examples: [CheckExample]

    package init(
        id: CheckID, title: String, summary: String, defaultSeverity: Severity, help: String,
        family: CheckFamily = .walk, subjects: [FindingSubject.Kind], fixReason: String? = nil,
        yieldsToClaimedDirectories: Bool = false, buildKitName: String? = nil, examples: [CheckExample]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.help = help
        self.family = family
        self.subjects = subjects
        self.fixReason = fixReason
        self.yieldsToClaimedDirectories = yieldsToClaimedDirectories
        self.buildKitName = buildKitName
        self.examples = examples
    }
}
