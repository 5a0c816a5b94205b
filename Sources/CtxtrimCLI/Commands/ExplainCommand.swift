import ArgumentParser
import CtxtrimCore

/// `ctxtrim explain`: which ignore-file line decides each path, like `git check-ignore -v`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show which ignore-file line decides whether each path is in the build context.",
        discussion: """
            The first argument is the context (use . for the current directory); the paths follow, relative to it. \
            Text output is SOURCE:LINE:PATTERN<TAB>PATH for each path a line decided (with --non-matching also \
            ::<TAB>PATH for the others). JSON output is one object per path and line: path, excluded (the documented \
            path-or-ancestor rule), sent (what BuildKit's walk sends), source, line, pattern; or path and error.
            Exit status: 0 if any path is excluded, 1 if none is, 2 if the ignore file is invalid.
            """)

    @OptionGroup var contextOptions: ContextOptions

    @Argument(help: "Paths relative to the context root.")
    var paths: [String] = []

    @Flag(help: "Read paths from standard input, one per line.")
    var stdin = false

    @Flag(name: .customShort("z"), help: "With --stdin, paths are NUL-separated; output records end with NUL.")
    var nullSeparated = false

    @Flag(name: [.customShort("n"), .customLong("non-matching")], help: "Also show paths no line matched (text).")
    var nonMatching = false

    @Option(help: "text or json (one object per line).")
    var format: Format<ExplanationOutput> = .text

    func validate() throws {
        if paths.isEmpty && !stdin { throw ValidationError("give paths to explain, or --stdin") }
        if nullSeparated && !stdin { throw ValidationError("-z needs --stdin") }
    }

    func run() throws {
        let status: ExitCode = try reportingErrors {
            let context = try contextOptions.resolve()
            let rules = try IgnoreRules.load(for: context)
            var inputs = paths
            if stdin { inputs += StandardInput.records(separator: nullSeparated ? 0 : 10) }
            let explanations = PathExplanations.explain(
                inputs, rules: rules, context: context, showsNonMatching: nonMatching)
            let options = RenderOptions(nulTerminated: nullSeparated)
            Console.show(format.reporter.render(.explanations(explanations), options: options))
            if explanations.anyError { return ExitStatus.runtimeError }
            return explanations.anyExcluded ? ExitStatus.success : ExitStatus.findings
        }
        throw status
    }
}
