/// The limits `ctxtrim check` enforces: command-line options over `.ctxtrim.yml` over the defaults.
package struct GateSettings: Sendable {
    package var budgets = Budgets()
    package var failOn: FailThreshold = .error
    package var baseline: Baseline?
    package var config = CtxtrimConfig()

    package init() {}

    /// Settings from a config file, to be overridden by command-line options.
    package init(config: CtxtrimConfig) {
        self.config = config
        budgets = config.budgets
        failOn = config.failOn ?? .error
    }
}
