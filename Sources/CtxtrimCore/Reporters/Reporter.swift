/// One output format: a value that renders what a command decided.
///
/// Every view of ctxtrim goes through this protocol: `scan`, `check`, `ls`, `explain` and `fix` each produce a
/// ``CommandOutcome`` and the chosen reporter renders it. Choosing `--format` is choosing a reporter value; a new
/// format is one type conforming here, listed once in ``Reporters/all``.
package protocol Reporter: Sendable {
    /// The name `--format` takes: `text`, `json`, `sarif`, …
    var name: String { get }

    /// Whether this format shows outcomes of `kind`; asked before the command runs, so a format that cannot show
    /// what a command produces is a usage error.
    func renders(_ kind: CommandOutcome.Kind) -> Bool

    /// The output for `outcome`, whose kind this reporter ``renders(_:)``.
    func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering

    /// Whether it draws the context's treemap, which the scan then collects (``ContextScanner/Options/mapsContext``).
    var drawsContextMap: Bool { get }
}

extension Reporter {
    package var drawsContextMap: Bool { false }
}

/// Every output format, in the order `--help` lists them.
package enum Reporters {
    package static let all: [any Reporter] = [
        TextReporter(), TSVReporter(), JSONReporter(), SARIFReporter(), GitHubReporter(), GitLabReporter(),
        MarkdownReporter(), HTMLReporter(), MakeReporter(),
    ]

    /// The reporter called `name`, if it renders outcomes of `kind`.
    package static func named(_ name: String, rendering kind: CommandOutcome.Kind) -> (any Reporter)? {
        all.first { $0.name == name && $0.renders(kind) }
    }

    /// The names of the reporters that render outcomes of `kind`, in ``all``'s order.
    package static func names(rendering kind: CommandOutcome.Kind) -> [String] {
        all.filter { $0.renders(kind) }.map(\.name)
    }
}

/// How the command asked for its output, beyond the format itself.
package struct RenderOptions: Sendable {
    /// Colour for text formats (only on a terminal, never into a file).
    package var style: TextStyle
    /// Records end with NUL instead of a newline (`ls -0`, `explain -z`); `explain` and tsv then write exact names.
    package var nulTerminated: Bool
    /// ctxtrim's version, for formats that name their tool (SARIF).
    package var toolVersion: String
    /// Text tables at their natural width instead of 100 columns (`scan --all --wide`).
    package var wide: Bool

    package init(
        style: TextStyle = TextStyle(color: false), nulTerminated: Bool = false, toolVersion: String = "",
        wide: Bool = false
    ) {
        self.style = style
        self.nulTerminated = nulTerminated
        self.toolVersion = toolVersion
        self.wide = wide
    }
}

/// What a reporter produced: the data for standard output, and what a person reads apart from it.
package struct Rendering: Sendable, Equatable {
    /// The bytes for standard output (names may be raw bytes where the format is exact, as tsv with `-0`).
    package var output: [UInt8]
    /// Lines for standard error, after the output: warnings and per-item errors, already escaped for a terminal.
    package var messages: [String]
    /// GitHub's job summary (Markdown), for `$GITHUB_STEP_SUMMARY` when the CI provides one.
    package var jobSummary: String?

    package init(output: [UInt8], messages: [String] = [], jobSummary: String? = nil) {
        self.output = output
        self.messages = messages
        self.jobSummary = jobSummary
    }

    /// Text output ending with a newline (unless empty), and the outcome's ``CommandOutcome/warnings``.
    package init(text: String, warningsOf outcome: CommandOutcome) {
        self.init(output: Array(text.withFinalNewline.utf8), messages: outcome.warnings)
    }
}

extension String {
    /// The text with a final newline, so outputs end cleanly.
    package var withFinalNewline: String { hasSuffix("\n") || isEmpty ? self : self + "\n" }
}
