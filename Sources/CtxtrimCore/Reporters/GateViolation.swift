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
}
