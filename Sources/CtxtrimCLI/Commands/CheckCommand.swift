import ArgumentParser
import ContextWalker
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
    var failOn: FailOn?

    @Option(help: "text, json, sarif, github, gitlab or markdown (default: github under GitHub Actions, else text).")
    var format: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Configuration file (default: CONTEXT/.ctxtrim.yml when it exists).")
    var config: String?

    @Option(help: "The build stage (default: the last one).")
    var target: String?

    @Option(name: [.customShort("j"), .customLong("threads")], help: "Walker threads (default: the number of cores).")
    var threads: Int = WalkOptions.onlineProcessors

    @Flag(help: "Check every build below CONTEXT (Dockerfiles and compose services) from one walk; fails if any fails.")
    var all = false

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    func validate() throws {
        if let maxSize, ByteCount.parse(maxSize) == nil {
            throw ValidationError("--max-size must be a size such as 200MiB")
        }
        if let maxTransferredSize, ByteCount.parse(maxTransferredSize) == nil {
            throw ValidationError("--max-transferred-size must be a size such as 100MiB")
        }
        if let maxGrowth, GrowthLimit.parse(maxGrowth) == nil {
            throw ValidationError("--max-growth must be a percentage such as 10% or a size such as 50MiB")
        }
        if maxGrowth != nil && baseline == nil { throw ValidationError("--max-growth needs --baseline") }
        if let maxFiles, maxFiles < 0 { throw ValidationError("--max-files must be 0 or more") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if all && (contextOptions.dockerfile != nil || contextOptions.ignoreFile != nil) {
            throw ValidationError("--all finds each build's Dockerfile and ignore file; drop --file and --ignore-file")
        }
        if all && (baseline != nil || target != nil) {
            throw ValidationError(
                "--all checks each build at its own target without a baseline; drop --baseline and --target")
        }
    }

    func run() throws {
        let status: ExitCode = try reportingErrors {
            if all { return try checkAll() }
            let context = try contextOptions.resolve()
            let settings = try settings(for: context)
            let rules = try IgnoreRules.load(for: context)
            var options = ContextScanner.Options()
            options.threads = threads
            options.target = target
            options.measureExcluded = false
            options.enabledChecks = CheckCatalog.ids.subtracting(settings.config.disabledChecks)
            let report = try ContextScanner(context: context, rules: rules, options: options).scan()
            let outcome = try GateEvaluator.evaluate(report, settings: settings)
            let chosen = format ?? ReportFormat.environmentDefault
            let rendered = chosen.render(
                outcome, style: TextStyle(color: output == nil && Console.standardOutput.usesColor), scanOnly: false
            ).withFinalNewline
            try write(rendered, format: chosen, outcome: outcome, failed: outcome.failed)
            return outcome.failed ? ExitStatus.findings : ExitStatus.success
        }
        throw status
    }

    /// `--all`: every build from one walk, each judged with its own config; one combined report for CI formats.
    private func checkAll() throws -> ExitCode {
        let builds = try BuildDiscovery.discover(root: contextOptions.context, threads: threads)
        var options = ContextScanner.Options()
        options.threads = threads
        options.measureExcluded = false
        let scans = try MultiContextScanner(root: contextOptions.context, builds: builds, options: options).scan()
        let outcomes = try scans.builds.map { scan in
            let context = try BuildContext.resolve(
                context: contextOptions.context + "/" + scan.build.context,
                dockerfile: scan.build.dockerfile.hasPrefix("/")
                    ? scan.build.dockerfile : contextOptions.context + "/" + scan.build.dockerfile,
                ignoreFileOverride: nil, discoveryRoot: contextOptions.context)
            return BuildGateOutcome(
                build: scan.build, outcome: try GateEvaluator.evaluate(scan.report, settings: settings(for: context)))
        }
        let combined = CombinedGate.combine(outcomes)
        let chosen = format ?? ReportFormat.environmentDefault
        let style = TextStyle(color: output == nil && Console.standardOutput.usesColor)
        let rendered =
            chosen == .text
            ? CombinedGate.text(outcomes, style: style)
            : chosen.render(combined, style: style, scanOnly: false).withFinalNewline
        let failed = CombinedGate.failed(outcomes)
        try write(rendered, format: chosen, outcome: combined, failed: failed)
        return failed ? ExitStatus.findings : ExitStatus.success
    }

    /// Writes the report to `--output` or standard output, and the GitHub job summary when asked for.
    private func write(_ rendered: String, format chosen: ReportFormat, outcome: GateOutcome, failed: Bool) throws {
        if let output {
            try AtomicFile.write(Array(rendered.utf8), to: output)
            Console.standardOutput.line(
                "ctxtrim check: \(failed ? "failed" : "passed"); \(chosen.rawValue) report written to \(output)")
        } else {
            Console.standardOutput.write(rendered)
        }
        if chosen == .github, let summary = getenv("GITHUB_STEP_SUMMARY"), summary.pointee != 0 {
            let path = String(cString: summary)
            let existing = try AtomicFile.read(path) ?? []
            try AtomicFile.write(existing + Array(GitHubReporter.jobSummary(outcome).withFinalNewline.utf8), to: path)
        }
        Console.standardOutput.flush()
    }

    /// Config file settings overridden by the options given on the command line.
    private func settings(for context: BuildContext) throws -> GateSettings {
        let config = try CtxtrimConfig.load(for: context, explicitPath: self.config)
        var settings = GateSettings(config: config)
        if let maxSize { settings.maxSize = ByteCount.parse(maxSize) }
        if let maxFiles { settings.maxFiles = maxFiles }
        if let maxTransferredSize { settings.maxTransferredSize = ByteCount.parse(maxTransferredSize) }
        if let maxTransferredFiles { settings.maxTransferredFiles = maxTransferredFiles }
        if let maxGrowth { settings.maxGrowth = GrowthLimit.parse(maxGrowth) }
        if let failOn { settings.failOn = FailThreshold(rawValue: failOn.rawValue) ?? .error }
        if let baseline { settings.baseline = try Baseline.load(baseline) }
        return settings
    }
}
