import ArgumentParser
import ContextWalker
import CtxtrimCore

/// `ctxtrim scan`: what the build context would send, what the ignore file keeps out, and where the bytes are.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Report what docker build would send: size, files, largest directories and files, git classes, findings.",
        discussion: """
            The context is walked once, in parallel, with BuildKit's own ignore-file semantics. Excluded directories \
            are entered only to measure what the ignore file keeps out (--no-measure-excluded skips them).
            """)

    @OptionGroup var contextOptions: ContextOptions

    @Option(help: "text, json (schemaVersion 1, see the README), or a CI format: sarif, github, gitlab, markdown.")
    var format: ReportFormat = .text

    @Option(help: "The build stage (default: the last one).")
    var target: String?

    @Option(name: .customLong("build-arg"), help: "KEY=VALUE for ARG substitution in COPY sources (repeatable).")
    var buildArgs: [String] = []

    @Option(help: "Entries in the largest-directories, largest-files and extension lists.")
    var top: Int = 10

    @Option(name: [.customShort("j"), .customLong("threads")], help: "Walker threads (default: the number of cores).")
    var threads: Int = WalkOptions.onlineProcessors

    @Flag(name: .customLong("no-measure-excluded"), help: "Do not enter excluded directories to measure them.")
    var noMeasureExcluded = false

    @Flag(name: .customLong("no-git"), help: "Do not classify files with git.")
    var noGit = false

    @Flag(name: .customLong("no-findings"), help: "Do not run the checks (secrets, build outputs, ...).")
    var noFindings = false

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        for argument in buildArgs where !argument.contains("=") {
            throw ValidationError("--build-arg must be KEY=VALUE, got '\(argument)'")
        }
    }

    func run() throws {
        try reportingErrors {
            let context = try contextOptions.resolve()
            let rules = try IgnoreRules.load(for: context)
            var options = ContextScanner.Options()
            options.top = top
            options.threads = threads
            options.measureExcluded = !noMeasureExcluded
            options.git = !noGit
            options.findings = !noFindings
            options.target = target
            options.buildArgs = Dictionary(
                buildArgs.map { argument in
                    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return (String(parts[0]), String(parts[1]))
                }, uniquingKeysWith: { _, last in last })
            let progress = WalkProgress()
            let line = ProgressLine(progress: progress, enabled: Console.standardError.isTerminal)
            let report: ScanReport
            do {
                defer { line.finish() }
                report = try ContextScanner(context: context, rules: rules, options: options).scan(progress: progress)
            }
            // The CI formats render a scan as a check that nothing fails.
            let outcome = GateOutcome(report: report, failOn: .never)
            let style = TextStyle(color: Console.standardOutput.usesColor)
            Console.standardOutput.write(format.render(outcome, style: style, scanOnly: true).withFinalNewline)
            Console.standardOutput.flush()
        }
    }
}
