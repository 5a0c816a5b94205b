extension BuildGateOutcome {
    /// `check --all`: every build below `root` (Dockerfiles and compose services) scanned from one walk, each running
    /// the checks its own config file leaves on and judged with that config and `overrides`, as `check` of the build
    /// alone would.
    package static func checkAll(
        root: String, overrides: GateSettings.Overrides, options: ContextScanner.Options
    ) throws -> [BuildGateOutcome] {
        let builds = try BuildDiscovery.discover(root: root, threads: options.threads)
        var options = options
        options.measureExcluded = false
        var settings: [GateSettings] = []
        let scans = try MultiContextScanner(root: root, builds: builds, options: options).scan(
            configure: { build in
                let resolved = try GateSettings.resolve(for: build.context, overrides: overrides)
                settings.append(resolved)
                build.enabledChecks = resolved.enabledChecks
                build.largeFileThreshold = resolved.config.largeFileThreshold
            })
        return try zip(scans.builds, settings).map { scan, settings in
            BuildGateOutcome(build: scan.build, outcome: try GateEvaluator.evaluate(scan.report, settings: settings))
        }
    }
}
