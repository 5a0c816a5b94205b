extension BuildGateOutcome {
    /// `check --all`: every build below `root` (Dockerfiles and compose services) scanned from one walk, each running
    /// the checks its own config file leaves on and judged with that config and `overrides`, as `check` of the build
    /// alone would.
    package static func checkAll(
        root: String, overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> [BuildGateOutcome] {
        let builds = try BuildDiscovery.discover(root: root, threads: options.threads, compose: options.compose)
        var options = options
        options.measureExcluded = false
        let scans = try MultiContextScanner(root: root, builds: builds, options: options).scan()
        return try scans.builds.map { scan in
            let settings = try GateSettings.resolve(config: scan.config, overrides: overrides)
            return BuildGateOutcome(
                build: scan.build, outcome: try GateEvaluator.evaluate(scan.report, settings: settings))
        }
    }
}
