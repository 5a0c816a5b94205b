import ArgumentParser
import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// What a command produces, which decides the formats its `--format` offers.
protocol OutputKind {
    static var kind: CommandOutcome.Kind { get }
}

/// A `--format` value: the reporter of that name, among those that render what the command produces.
struct Format<Output: OutputKind>: ExpressibleByArgument, Sendable {
    let reporter: any Reporter

    private init(_ reporter: any Reporter) {
        self.reporter = reporter
    }

    /// The reporter called `name`; nil when it does not render `Output`.
    init?(argument name: String) {
        guard let reporter = Reporters.named(name, rendering: Output.kind) else { return nil }
        self.init(reporter)
    }

    static var allValueStrings: [String] { Reporters.names(rendering: Output.kind) }

    var defaultValueDescription: String { reporter.name }

    static var text: Format { Format(TextReporter()) }

    /// The format a CI system shows natively: GitHub annotations under GitHub Actions, else text.
    static var environmentDefault: Format {
        if let value = getenv("GITHUB_ACTIONS"), String(cString: value) == "true",
            let github = Format(argument: "github")
        {
            return github
        }
        return .text
    }
}

enum ScanOutput: OutputKind { static var kind: CommandOutcome.Kind { .scan } }
enum CheckOutput: OutputKind { static var kind: CommandOutcome.Kind { .check } }
enum ListingOutput: OutputKind { static var kind: CommandOutcome.Kind { .listing } }
enum ExplanationOutput: OutputKind { static var kind: CommandOutcome.Kind { .explanations } }
enum DigestOutput: OutputKind { static var kind: CommandOutcome.Kind { .digest } }

extension FailThreshold: ExpressibleByArgument {}

extension FixStrategy: ExpressibleByArgument {}
