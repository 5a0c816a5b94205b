extension BuildGateOutcome {
    /// `check --all`: every build below `root` (Dockerfiles and compose services) scanned from one walk, then each
    /// judged with its own config file and `overrides`.
    package static func checkAll(
        root: String, overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> [BuildGateOutcome] {
        let builds = try BuildDiscovery.discover(root: root, threads: options.threads)
        var options = options
        options.measureExcluded = false
        let scans = try MultiContextScanner(root: root, builds: builds, options: options).scan()
        return try evaluate(scans, overrides: overrides)
    }

    /// `check --all`: every build of `scans` judged with its own settings, in discovery order.
    ///
    /// - Parameter overrides: the command line's settings, applied over each build's own config file.
    package static func evaluate(
        _ scans: MultiScanReport, overrides: GateSettings.Overrides
    ) throws -> [BuildGateOutcome] {
        try scans.builds.map { scan in
            let settings = try GateSettings.resolve(for: scan.context, overrides: overrides)
            return BuildGateOutcome(
                build: scan.build, outcome: try GateEvaluator.evaluate(scan.report, settings: settings))
        }
    }
}
