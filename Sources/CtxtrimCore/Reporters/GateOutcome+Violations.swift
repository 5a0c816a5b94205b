extension GateOutcome {
    /// The failing conditions other than findings, in a stable order: a Dockerfile docker build would refuse, budgets
    /// (as configured), growth.
    package var violations: [GateViolation] {
        var out: [GateViolation] = []
        if let error = report.build?.error {
            out.append(
                GateViolation(
                    rule: GateViolation.dockerfileInvalidRule, key: "dockerfile", message: error,
                    advice: "docker build fails on this Dockerfile before sending anything; fix it.", fails: true))
        }
        for budget in budgets where budget.exceeded {
            let advice =
                budget.scope == .eligible
                ? "Exclude what the build does not need in the ignore file (`ctxtrim scan` shows where the bytes are), "
                    + "or raise `\(budget.name)`"
                : "Narrow the Dockerfile's COPY and ADD sources or exclude files in the ignore file, "
                    + "or raise `\(budget.name)`"
            out.append(
                GateViolation(
                    rule: GateViolation.budgetRule, key: budget.name, message: budget.summary.capitalizedFirst,
                    advice: advice + ".", fails: true))
        }
        if let growth, growth.exceeded {
            out.append(
                GateViolation(
                    rule: GateViolation.budgetRule, key: GateViolation.growthKey,
                    message: growth.summary.capitalizedFirst,
                    advice: "Exclude what the build does not need from the directories that grew, "
                        + "or raise `max-growth` if the growth is intended.",
                    fails: true))
        }
        return out
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
