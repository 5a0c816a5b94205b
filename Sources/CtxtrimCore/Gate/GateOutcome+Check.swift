extension GateOutcome {
    /// `ctxtrim check` of one build: its settings (config file, then `overrides`), one scan running the checks the
    /// config leaves on (excluded directories are not measured: no budget counts them), and the verdict.
    ///
    /// - Parameter options: the walk, git and build options; `measureExcluded`, `enabledChecks` and
    ///   `largeFileThreshold` are set here.
    package static func check(
        _ context: BuildContext, overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> GateOutcome {
        let settings = try GateSettings.resolve(for: context, overrides: overrides)
        let rules = try IgnoreRules.load(for: context)
        var options = options
        options.measureExcluded = false
        options.enabledChecks = settings.enabledChecks
        options.largeFileThreshold = settings.config.largeFileThreshold
        let report = try ContextScanner(context: context, rules: rules, options: options).scan()
        return try GateEvaluator.evaluate(report, settings: settings)
    }
}
