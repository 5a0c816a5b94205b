import UntrustedText

/// GitHub Actions output: workflow commands that annotate files, and a Markdown job summary.
package struct GitHubReporter: Sendable {
    /// GitHub's limit on one step's job summary (`$GITHUB_STEP_SUMMARY`).
    package static let jobSummaryLimit = 1_048_576

    /// One `::error` / `::warning` / `::notice` command a line, worst first, then by path: gate violations that fail
    /// (budgets, growth, no ignore file) are errors, findings follow their severity (info becomes `notice`).
    ///
    /// GitHub shows a limited number of annotations per step, so the worst come first.
    /// - Parameter pathPrefix: the context directory relative to the repository root (empty when they are the same).
    package static func annotations(_ outcome: GateOutcome, pathPrefix: String = "") -> String {
        let ordered = outcome.annotations(pathPrefix: pathPrefix).enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            let (left, right) = (lhs.element.finding == nil, rhs.element.finding == nil)
            if left != right { return left }
            if lhs.element.location.path != rhs.element.location.path {
                return Array(lhs.element.location.path.utf8).lexicographicallyPrecedes(
                    Array(rhs.element.location.path.utf8))
            }
            return lhs.offset < rhs.offset
        }
        return ordered.map { command(for: $0.element) + "\n" }.joined()
    }

    /// The job summary: the Markdown report, cut to GitHub's 1 MiB limit with a note when longer.
    package static func jobSummary(_ outcome: GateOutcome) -> String {
        MarkdownReporter.render(outcome, maxBytes: jobSummaryLimit)
    }

    private static func command(for annotation: CIAnnotation) -> String {
        let name: String
        switch annotation.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .info: name = "notice"
        }
        var properties = ["file=" + GitHubCommandText.property(annotation.location.path)]
        if let line = annotation.location.line, line > 0 { properties.append("line=\(line)") }
        properties.append("title=" + GitHubCommandText.property(title(of: annotation.rule)))
        return "::\(name) \(properties.joined(separator: ","))::\(GitHubCommandText.data(annotation.message))"
    }

    /// `Secret file (secret-file)`: the check's title and id.
    private static func title(of rule: CheckID) -> String {
        let descriptor = CheckCatalog.descriptor(for: rule)
        return descriptor.map { "ctxtrim: \($0.title) (\(rule))" } ?? "ctxtrim: \(rule)"
    }
}
