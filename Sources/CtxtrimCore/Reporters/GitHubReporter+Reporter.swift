extension GitHubReporter: Reporter {
    package var name: String { "github" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { CommandOutcome.checkKinds.contains(kind) }

    /// The annotations; a check also gives the Markdown job summary.
    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        guard let gate = outcome.shownAsCheck else { return Rendering(output: []) }
        var rendering = Rendering(
            text: Self.annotations(gate, pathPrefix: gate.repositoryPathPrefix), warningsOf: outcome)
        if outcome.isCheck { rendering.jobSummary = Self.jobSummary(gate).withFinalNewline }
        return rendering
    }
}
