import ArgumentParser
import ContextWalker
import CtxtrimCore
import UntrustedText

/// `ctxtrim scan`: what the build context would send, what the ignore file keeps out, and where the bytes are.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract:
            "Report what docker build would send: size, files, largest directories and files, git classes, findings.",
        discussion: """
            The context is walked once, in parallel, with BuildKit's own ignore-file semantics. Excluded directories \
            are entered only to measure what the ignore file keeps out (--no-measure-excluded skips them).
            """)

    @OptionGroup var contextOptions: ContextOptions

    @Option(
        help:
            "text, json (schemaVersion 1, see the README), html (a self-contained page with a treemap), or a CI format: sarif, github, gitlab, markdown."
    )
    var format: Format<ScanOutput> = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup var buildOptions: BuildOptions

    @OptionGroup var buildContextOptions: BuildContextOptions

    @OptionGroup var configOptions: ConfigOptions

    @Option(help: "Entries in the largest-directories, largest-files and extension lists (0 to 10000).")
    var top: Int = 10

    @OptionGroup var threadOptions: ThreadOptions

    @OptionGroup var transferOptions: TransferOptions

    @Flag(name: .customLong("no-measure-excluded"), help: "Do not enter excluded directories to measure them.")
    var noMeasureExcluded = false

    @Flag(
        help: """
            Profile the walk: time and entries per top-level directory and per ignore-file rule, and the excluded \
            directories BuildKit cannot prune (text, and a "profile" key in json).
            """)
    var profile = false

    @OptionGroup var gitOptions: GitOptions

    @Flag(name: .customLong("no-findings"), help: "Do not run the checks (secrets, build outputs, ...).")
    var noFindings = false

    @Flag(
        help: "Find every build under CONTEXT (Dockerfiles and compose services) and scan them all in one walk.")
    var all = false

    @Flag(help: "With --all, print the table at its full width instead of fitting it in 100 columns.")
    var wide = false

    @OptionGroup var composeOptions: ComposeOptions

    func validate() throws {
        guard (0...ContextScanner.Options.maxTop).contains(top) else {
            throw ValidationError("--top must be from 0 to \(ContextScanner.Options.maxTop); got \(top)")
        }
        if all && (contextOptions.dockerfile != nil || contextOptions.ignoreFile != nil) {
            throw ValidationError("--all finds each build's Dockerfile and ignore file; drop --file and --ignore-file")
        }
        if all && !format.reporter.renders(.builds) {
            throw ValidationError("scan --all writes text or json; use check --all for the CI formats")
        }
        if !all && composeOptions.isSet { throw ValidationError(ComposeOptions.needsAll) }
        if all && buildOptions.target != nil {
            throw ValidationError("--all builds each build's own target; drop --target")
        }
        if format.reporter.name == "html" && output == nil && Console.standardOutput.isTerminal {
            throw ValidationError("--format html writes a web page; give --output report.html or redirect the output")
        }
        if profile && all {
            throw ValidationError("--profile measures the walk of one build; drop --all or scan one context")
        }
        if profile && noMeasureExcluded {
            throw ValidationError(
                "--profile walks excluded directories to count what BuildKit walks; drop --no-measure-excluded")
        }
        if wide && !all {
            throw ValidationError("--wide widens the table of scan --all; add --all or drop --wide")
        }
    }

    func run() throws {
        try reportingErrors {
            var options = options
            options.namedContexts = try buildContextOptions.parsed()
            if all { return try scanAll(options: options) }
            let context = try contextOptions.resolve()
            let rules = try IgnoreRules.load(for: context)
            let progress = WalkProgress()
            let line = ProgressLine(progress: progress, enabled: Console.standardError.isTerminal)
            let report: ScanReport
            do {
                defer { line.finish() }
                report = try ContextScanner(context: context, rules: rules, options: options).scan(progress: progress)
            }
            try show(.scan(report))
        }
    }

    private var options: ContextScanner.Options {
        var options = ContextScanner.Options(
            threads: threadOptions, git: gitOptions, build: buildOptions, config: configOptions)
        options.top = top
        options.measureExcluded = !noMeasureExcluded
        options.findings = !noFindings
        options.profile = profile
        options.compose = composeOptions.discovery
        options.suggestionRate = transferOptions.rate
        options.mapsContext = format.reporter.drawsContextMap
        return options
    }

    private var renderOptions: RenderOptions {
        RenderOptions(
            style: TextStyle(color: output == nil && Console.standardOutput.usesColor),
            toolVersion: CtxtrimCommand.version, wide: wide)
    }

    /// `--all`: every build of the repository from one walk, as a table or one JSON document.
    private func scanAll(options: ContextScanner.Options) throws {
        let discovery = try BuildDiscovery.run(
            root: contextOptions.context, configPath: configOptions.path, threads: threadOptions.threads,
            compose: composeOptions.discovery)
        let progress = WalkProgress()
        let line = ProgressLine(progress: progress, enabled: Console.standardError.isTerminal)
        let report: MultiScanReport
        do {
            defer { line.finish() }
            report = try MultiContextScanner(root: contextOptions.context, discovery: discovery, options: options)
                .scan(progress: progress)
        }
        try show(.builds(report))
    }

    /// Writes the report to `--output` (saying where) or to standard output.
    private func show(_ outcome: CommandOutcome) throws {
        let rendering = format.reporter.render(outcome, options: renderOptions)
        guard let output else { return Console.show(rendering, messagesFirst: true) }
        Console.showMessages(of: rendering)
        try OutputFile.write(rendering.output, to: output)
        Console.standardOutput.line(
            "ctxtrim scan: \(format.reporter.name) report written to \(TerminalText.escape(output)) "
                + "(\(ByteCount.format(Int64(rendering.output.count))))")
        Console.standardOutput.flush()
    }
}
