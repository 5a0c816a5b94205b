import ArgumentParser
import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// `ctxtrim check`: the CI gate. Quiet when all is well, precise when not, in the format the CI system reads.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail on context bloat, secrets or a missing ignore file, in the format CI systems read.",
        discussion: """
            Budgets apply to the eligible context (what the ignore file lets through) and to what BuildKit transfers \
            for this Dockerfile. Settings come from CONTEXT/.ctxtrim.yml (or --config); options given here win. \
            Under GitHub Actions (GITHUB_ACTIONS=true) the default format is github, and a Markdown summary is \
            appended to $GITHUB_STEP_SUMMARY.
            Exit status: 0 clean, 1 findings at or above --fail-on or a budget exceeded, 2 runtime error, 64 usage error.
            """)

    @OptionGroup var contextOptions: ContextOptions

    @Option(help: "Budget for the eligible context, such as 200MiB or 1.5GB.")
    var maxSize: String?

    @Option(help: "Budget for the number of files in the eligible context.")
    var maxFiles: Int?

    @Option(help: "Budget for what BuildKit transfers for this Dockerfile, such as 100MiB.")
    var maxTransferredSize: String?

    @Option(help: "Budget for the number of files BuildKit transfers.")
    var maxTransferredFiles: Int?

    @Option(help: "A JSON report to compare with (make one with `ctxtrim scan --format json > baseline.json`).")
    var baseline: String?

    @Option(help: "Growth allowed against --baseline: a percentage (10%) or a size (50MiB).")
    var maxGrowth: String?

    @Option(help: "Least severity that fails the check: error, warning, info or never (default error).")
    var failOn: FailThreshold?

    @Option(
        help: "text, json, sarif, github, gitlab, markdown or html (default: github under GitHub Actions, else text).")
    var format: Format<CheckOutput>?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var buildOptions: BuildOptions

    @OptionGroup var buildContextOptions: BuildContextOptions

    @OptionGroup var threadOptions: ThreadOptions

    @OptionGroup var gitOptions: GitOptions

    @Flag(help: "Check every build below CONTEXT (Dockerfiles and compose services) from one walk; fails if any fails.")
    var all = false

    @OptionGroup var composeOptions: ComposeOptions

    func validate() throws {
        for (flag, value) in [("--max-size", maxSize), ("--max-transferred-size", maxTransferredSize)] {
            guard let value else { continue }
            do throws(ByteCount.ParseError) {
                _ = try ByteCount.read(value)
            } catch {
                throw ValidationError("\(flag) must be a size such as 200MiB, up to 8 EiB; got '\(value)': \(error)")
            }
        }
        if let maxGrowth {
            do throws(ByteCount.ParseError) {
                _ = try GrowthLimit.read(maxGrowth)
            } catch {
                throw ValidationError(
                    "--max-growth must be a percentage from 0% to \(Int(GrowthLimit.maxPercent))% such as 10% or a size "
                        + "such as 50MiB; got '\(maxGrowth)': \(error)")
            }
        }
        if maxGrowth != nil && baseline == nil { throw ValidationError("--max-growth needs --baseline") }
        if let maxFiles, maxFiles < 0 { throw ValidationError("--max-files must be 0 or more") }
        if let maxTransferredFiles, maxTransferredFiles < 0 {
            throw ValidationError("--max-transferred-files must be 0 or more")
        }
        if all && (contextOptions.dockerfile != nil || contextOptions.ignoreFile != nil) {
            throw ValidationError("--all finds each build's Dockerfile and ignore file; drop --file and --ignore-file")
        }
        if !all && composeOptions.isSet { throw ValidationError(ComposeOptions.needsAll) }
        if all && (baseline != nil || buildOptions.target != nil) {
            throw ValidationError(
                "--all checks each build at its own target without a baseline; drop --baseline and --target")
        }
    }

    func run() throws {
        let status: ExitCode = try reportingErrors {
            if all { return try checkAll() }
            var options = ContextScanner.Options(
                threads: threadOptions, git: gitOptions, build: buildOptions, config: configOptions)
            options.namedContexts = try buildContextOptions.parsed()
            options.mapsContext = (format ?? .environmentDefault).reporter.drawsContextMap
            let outcome = try GateOutcome.check(try contextOptions.resolve(), overrides: overrides, options: options)
            try write(.check(outcome), failed: outcome.failed)
            return outcome.failed ? ExitStatus.findings : ExitStatus.success
        }
        throw status
    }

    /// `--all`: every build from one walk, each judged with its own config; one combined report for CI formats.
    private func checkAll() throws -> ExitCode {
        var options = ContextScanner.Options(threads: threadOptions, git: gitOptions, config: configOptions)
        options.compose = composeOptions.discovery
        options.namedContexts = try buildContextOptions.parsed()
        options.mapsContext = (format ?? .environmentDefault).reporter.drawsContextMap
        let discovery = try BuildDiscovery.run(
            root: contextOptions.context, configPath: options.configPath, threads: options.threads,
            compose: options.compose)
        let outcomes = try BuildGateOutcome.checkAll(
            root: contextOptions.context, builds: discovery.builds, overrides: overrides, options: options)
        let failed = CombinedGate.failed(outcomes)
        try write(.checkAll(outcomes, skipped: discovery.skipped), failed: failed)
        return failed ? ExitStatus.findings : ExitStatus.success
    }

    /// Renders the outcome to `--output` or standard output, and appends the GitHub job summary when the CI gives a
    /// file for it.
    private func write(_ outcome: CommandOutcome, failed: Bool) throws {
        let reporter = (format ?? .environmentDefault).reporter
        let style = TextStyle(color: output == nil && Console.standardOutput.usesColor)
        let rendering = reporter.render(
            outcome, options: RenderOptions(style: style, toolVersion: CtxtrimCommand.version))
        Console.showMessages(of: rendering)
        if let output {
            Console.standardOutput.flush()
            try OutputFile.write(rendering.output, to: output)
            Console.standardOutput.line(
                "ctxtrim check: \(failed ? "failed" : "passed"); \(reporter.name) report written to \(output)")
        } else {
            Console.standardOutput.write(bytes: rendering.output)
        }
        if let summary = rendering.jobSummary, let path = getenv("GITHUB_STEP_SUMMARY"), path.pointee != 0 {
            Console.standardOutput.flush()
            try OutputFile.write(Array(summary.utf8), to: String(cString: path), mode: .append)
        }
        Console.standardOutput.flush()
    }

    /// The options given on the command line, which win over each build's config file.
    private var overrides: GateSettings.Overrides {
        var overrides = GateSettings.Overrides()
        overrides.budgets.maxSize = maxSize.flatMap(ByteCount.parse)
        overrides.budgets.maxFiles = maxFiles
        overrides.budgets.maxTransferredSize = maxTransferredSize.flatMap(ByteCount.parse)
        overrides.budgets.maxTransferredFiles = maxTransferredFiles
        overrides.budgets.maxGrowth = maxGrowth.flatMap(GrowthLimit.parse)
        overrides.failOn = failOn
        overrides.baselinePath = baseline
        return overrides
    }
}
