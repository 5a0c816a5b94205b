extension SARIFReporter: Reporter {
    package var name: String { "sarif" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { CommandOutcome.checkKinds.contains(kind) }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        guard let gate = outcome.shownAsCheck else { return Rendering(output: []) }
        let text = Self.render(gate, toolVersion: options.toolVersion, pathPrefix: gate.repositoryPathPrefix)
        return Rendering(text: text, warningsOf: outcome)
    }
}
