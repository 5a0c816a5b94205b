/// A failing condition of `ctxtrim check` that is not a finding: an exceeded budget, growth over the limit, or no
/// ignore file. Every reporter renders these the same way, next to the findings.
package struct GateViolation: Sendable, Equatable {
    /// The pseudo-rule of machine formats: `context-budget` (budgets and growth) or `missing-ignore-file`.
    package var rule: String
    /// What distinguishes it from other violations of the same rule (the budget's name, `growth`), for fingerprints.
    package var key: String
    /// What is wrong, with the measured figures.
    package var message: String
    /// What to do about it.
    package var advice: String
    /// Whether it makes the check fail (a missing ignore file does not with `--fail-on never`).
    package var fails: Bool

    /// The message and the advice as one sentence pair.
    package var fullMessage: String { "\(message). \(advice)" }

    /// The id of the pseudo-rule for budgets and growth.
    package static let budgetRule = "context-budget"
    /// The id of the pseudo-rule for a context without an ignore file.
    package static let missingIgnoreFileRule = "missing-ignore-file"
    /// The key of the growth violation (budgets use their own names).
    package static let growthKey = "growth"
}

extension GateViolation {
    /// The severity CI formats give it: error when it fails the check, warning otherwise.
    package var severity: Severity { fails ? .error : .warning }

    /// What its fingerprint hashes: rule and key.
    package var identity: String { "\(rule)\u{0}\(key)" }

    /// The pseudo-rules as descriptors, so SARIF rules and CI titles read them like the checks' own.
    ///
    /// - `context-budget`: a budget of `ctxtrim check` (`max-size`, `max-files`, `max-transferred-size`, ...) is
    ///   exceeded, or the context grew past `max-growth` against the baseline.
    /// - `missing-ignore-file`: the context has no ignore file, so everything in it is sent.
    package static let descriptors: [CheckDescriptor] = [
        CheckDescriptor(
            id: budgetRule, title: "Context budget",
            summary: "The build context exceeds a size or file-count budget, or grew past the allowed growth.",
            defaultSeverity: .error,
            help: """
                Reported by `ctxtrim check` when a budget (`max-size`, `max-files`, `max-transferred-size`, \
                `max-transferred-files`) is exceeded, or when the sent context grew past `max-growth` against the \
                baseline report. Exclude what the build does not need in the ignore file (`ctxtrim scan` shows \
                where the bytes are), or raise the budget if the growth is intended.
                """,
            yieldsToClaimedDirectories: false, examples: []),
        CheckDescriptor(
            id: missingIgnoreFileRule, title: "Missing ignore file",
            summary: "The context has no ignore file, so everything in it is sent to the builder.",
            defaultSeverity: .error,
            help: """
                Reported by `ctxtrim check` when neither `.dockerignore` nor `<Dockerfile>.dockerignore` exists. \
                Without one, version-control data, dependencies, build outputs and local secrets all reach the \
                builder. Add a .dockerignore at the context root.
                """,
            yieldsToClaimedDirectories: false, examples: []),
    ]
}
