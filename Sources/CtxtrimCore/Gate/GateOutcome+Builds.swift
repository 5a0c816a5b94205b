extension BuildGateOutcome {
    /// `check --all`: every build below `root` (Dockerfiles and compose services) scanned from one walk, each running
    /// the checks its own config file leaves on and judged with that config and `overrides`, as `check` of the build
    /// alone would.
    package static func checkAll(
        root: String, overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> [BuildGateOutcome] {
        let discovery = try BuildDiscovery.run(
            root: root, configPath: options.configPath, threads: options.threads, compose: options.compose)
        return try checkAll(root: root, builds: discovery.builds, overrides: overrides, options: options)
    }

    /// `check --all` of builds already discovered.
    package static func checkAll(
        root: String, builds: [DiscoveredBuild], overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> [BuildGateOutcome] {
        var options = options
        // The gate needs only what is sent; the HTML page also draws what is kept out.
        options.measureExcluded = options.mapsContext
        let scans = try MultiContextScanner(root: root, builds: builds, options: options).scan()
        return try scans.builds.map { scan in
            let settings = try GateSettings.resolve(config: scan.config, overrides: overrides)
            return BuildGateOutcome(
                build: scan.build, outcome: try GateEvaluator.evaluate(scan.report, settings: settings))
        }
    }
}
