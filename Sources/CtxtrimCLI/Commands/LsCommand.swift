import ArgumentParser
import CtxtrimCore

/// `ctxtrim ls`: every entry BuildKit would send, in the format of BuildKit's context listing.
struct LsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List every entry docker build would send (or, with --excluded, what the ignore file keeps out).",
        discussion: """
            tsv lines are TYPE<TAB>SIZE<TAB>PATH: TYPE f (file), d (directory), l (symlink; SIZE is the length of its \
            target) or o (FIFO, socket, device), sorted bytewise by path, the context root not listed. With \
            --excluded, an excluded directory that was not entered is one line with its total size.
            """)

    @OptionGroup var contextOptions: ContextOptions

    @Option(
        help:
            "text (sizes for people), tsv, json (one object per line) or make (the files as Makefile prerequisites). Default: text on a terminal, else tsv."
    )
    var format: Format<ListingOutput>?

    @Flag(name: .customShort("0"), help: "End each record with NUL instead of a newline (for xargs -0).")
    var nullTerminated = false

    @Flag(help: "List what the ignore file keeps out instead of what is sent.")
    var excluded = false

    @OptionGroup var buildContextOptions: BuildContextOptions

    @OptionGroup var threadOptions: ThreadOptions

    func validate() throws {
        if format?.reporter.name == "make" && (excluded || nullTerminated) {
            throw ValidationError("--format make lists what is sent, one prerequisite a line; drop --excluded and -0")
        }
    }

    func run() throws {
        try reportingErrors {
            // The listing is the main context's; named contexts are checked as a build would check them.
            _ = try NamedBuildContext.roots(of: try buildContextOptions.parsed())
            let context = try contextOptions.resolve()
            let rules = try IgnoreRules.load(for: context)
            var listing = try ContextListing.list(
                root: context.root, rules: rules, excluded: excluded, threads: threadOptions.threads)
            listing.root = contextOptions.context
            let chosen = format ?? (Console.standardOutput.isTerminal ? .text : Format(argument: "tsv") ?? .text)
            let options = RenderOptions(nulTerminated: nullTerminated)
            Console.show(chosen.reporter.render(.listing(listing), options: options))
        }
    }
}
