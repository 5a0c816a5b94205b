/// A failing condition of `ctxtrim check` that is not a finding: an exceeded budget, growth over the limit, or (in
/// `check --all`) a Dockerfile docker build would refuse. Every reporter renders these the same way, next to the
/// findings.
package struct GateViolation: Sendable, Equatable {
    /// The id machine formats show: `context-budget` (budgets and growth) or `dockerfile-invalid`.
    package var rule: CheckID
    /// What distinguishes it from other violations of the same rule (the budget's name, `growth`), for fingerprints.
    package var key: String
    /// What is wrong, with the measured figures.
    package var message: String
    /// What to do about it.
    package var advice: String
    /// Whether it makes the check fail (every violation does today; formats still ask, so a future advisory one
    /// would be shown as a warning).
    package var fails: Bool

    /// The message and the advice as one sentence pair.
    package var fullMessage: String { "\(message). \(advice)" }

    /// The id of budgets and growth.
    package static let budgetRule = CheckID.contextBudget
    /// The key of the growth violation (budgets use their own names).
    package static let growthKey = "growth"
    /// The id of a build whose Dockerfile `docker build` would refuse (in `check --all`, where the others still run).
    package static let dockerfileInvalidRule = CheckID.dockerfileInvalid
}

extension GateViolation {
    /// The severity CI formats give it: error when it fails the check, warning otherwise.
    package var severity: Severity { fails ? .error : .warning }

    /// What its fingerprint hashes: rule and key.
    package var identity: String { "\(rule)\u{0}\(key)" }

    /// What the gate names: the context as a whole (CI formats place it on the ignore file or Dockerfile).
    package var subject: FindingSubject { .context }

    /// `context-budget` in `CheckCatalog`: a budget of `ctxtrim check` (`max-size`, `max-files`,
    /// `max-transferred-size`, ...) is exceeded, or the context grew past `max-growth` against the baseline.
    package static let budgetDescriptor = CheckDescriptor(
        id: budgetRule, title: "Context budget",
        summary: "The build context exceeds a size or file-count budget, or grew past the allowed growth.",
        defaultSeverity: .error,
        help: """
            Reported by `ctxtrim check` when a budget (`max-size`, `max-files`, `max-transferred-size`, \
            `max-transferred-files`) is exceeded, or when the sent context grew past `max-growth` against the \
            baseline report. Exclude what the build does not need in the ignore file (`ctxtrim scan` shows \
            where the bytes are), or raise the budget if the growth is intended.
            """,
        family: .gate, subjects: [.context], yieldsToClaimedDirectories: false, examples: [])
}

extension GateViolation {
    /// `dockerfile-invalid` in `CheckCatalog`: in `check --all`, a build whose Dockerfile cannot be read, parsed or
    /// built at its target fails, as `docker build` would; `scan` and `check` of one build stop with the error.
    package static let dockerfileInvalidDescriptor = CheckDescriptor(
        id: dockerfileInvalidRule, title: "Dockerfile docker build would refuse",
        summary: "A build of `check --all` has a Dockerfile docker build would fail on, so the build fails.",
        defaultSeverity: .error,
        help: """
            Reported by `ctxtrim check --all` for a build whose Dockerfile does not exist, is not a regular file, \
            cannot be parsed, or lacks the build's target; the message names the file and line. The other builds \
            are still checked. Fix the Dockerfile, or the compose file or path that names it.
            """,
        family: .gate, subjects: [.context], yieldsToClaimedDirectories: false, examples: [])
}
