extension MarkdownReporter: Reporter {
    package var name: String { "markdown" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { CommandOutcome.checkKinds.contains(kind) }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        guard let gate = outcome.shownAsCheck else { return Rendering(output: []) }
        return Rendering(text: Self.render(gate, verdict: outcome.isCheck), warningsOf: outcome)
    }
}
