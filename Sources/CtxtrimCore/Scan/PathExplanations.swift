/// `ctxtrim explain`'s answer for every path asked about, in the order given.
package struct PathExplanations: Sendable, Equatable {
    package var items: [PathExplanation]
    /// `--non-matching`: text also lists the paths no line matched.
    package var showsNonMatching: Bool

    package init(items: [PathExplanation], showsNonMatching: Bool = false) {
        self.items = items
        self.showsNonMatching = showsNonMatching
    }

    /// Explains each of `inputs` against the context's rules.
    package static func explain(
        _ inputs: [String], rules: IgnoreRules, context: BuildContext, showsNonMatching: Bool = false
    ) -> PathExplanations {
        PathExplanations(
            items: inputs.map { PathExplanation.explain($0, rules: rules, context: context) },
            showsNonMatching: showsNonMatching)
    }

    /// Whether any path is excluded (`explain` exits 0 then, like `git check-ignore`).
    package var anyExcluded: Bool { items.contains(where: \.excluded) }
    /// Whether any path could not be decided: outside the context, or a match-time error (exit 2).
    package var anyError: Bool { items.contains { $0.error != nil } }
}
