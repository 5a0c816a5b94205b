extension GateOutcome {
    /// `ctxtrim check` of one build: its settings (config file, then `overrides`), one scan running the checks the
    /// config leaves on (excluded directories are not measured: no budget counts them), and the verdict.
    ///
    /// - Parameter options: the walk, git, build and config options; `measureExcluded` is set here.
    package static func check(
        _ context: BuildContext, overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> GateOutcome {
        var options = options
        // The gate needs only what is sent; the HTML page also draws what is kept out.
        options.measureExcluded = options.mapsContext
        let build = try BuildInputs.read(context: context, target: options.target, options: options)
        let settings = try GateSettings.resolve(config: build.config, overrides: overrides)
        let report = try ScanPipeline(build: build, options: options).run()[0]
        return try GateEvaluator.evaluate(report, settings: settings)
    }
}
