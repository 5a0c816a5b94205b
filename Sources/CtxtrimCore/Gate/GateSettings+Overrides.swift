extension GateSettings {
    /// What `ctxtrim check` was told on the command line; each value given wins over the config file's.
    package struct Overrides: Sendable {
        package var budgets = Budgets()
        package var failOn: FailThreshold?
        /// A JSON report to compare with.
        package var baselinePath: String?

        package init() {}
    }

    /// The settings from a build's config file, then `overrides` on top; the baseline read when one is named.
    package static func resolve(config: CtxtrimConfig, overrides: Overrides) throws -> GateSettings {
        var settings = GateSettings(config: config)
        settings.budgets = settings.budgets.overridden(by: overrides.budgets)
        if let failOn = overrides.failOn { settings.failOn = failOn }
        if let baselinePath = overrides.baselinePath { settings.baseline = try Baseline.load(baselinePath) }
        return settings
    }
}
