import ArgumentParser
import CtxtrimCore
import UntrustedText

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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

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
    var format: Format = .text

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
            let out = Console.standardOutput
            let terminator = nullSeparated ? "\u{0}" : "\n"
            // Paths may come from an untrusted tree (`find | ctxtrim explain --stdin`): shown escaped unless -z.
            let shown: (String) -> String = nullSeparated ? { $0 } : { TerminalText.escape($0) }
            var anyExcluded = false
            var anyError = false
            for input in inputs {
                let explanation = PathExplanation.explain(input, rules: rules, context: context)
                anyExcluded = anyExcluded || explanation.excluded
                switch format {
                case .json:
                    out.write(explanation.json.rendered(indent: 0) + terminator)
                case .text:
                    if let error = explanation.error {
                        anyError = true
                        Console.standardError.line(
                            "ctxtrim: error: \(TerminalText.escape(input)): \(TerminalText.escape(error))")
                    } else if let rule = explanation.rule {
                        out.write(
                            "\(shown(rule.source)):\(rule.line):\(shown(rule.displayPattern))\t\(shown(input))\(terminator)"
                        )
                    } else if nonMatching {
                        out.write("::\t\(shown(input))\(terminator)")
                    }
                }
                if explanation.error != nil { anyError = true }
            }
            out.flush()
            Console.standardError.flush()
            if anyError { return ExitStatus.runtimeError }
            return anyExcluded ? ExitStatus.success : ExitStatus.findings
        }
        throw status
    }
}
