import ArgumentParser
import ContextWalker
import CtxtrimCore
import UntrustedText

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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, tsv, json
    }

    @OptionGroup var contextOptions: ContextOptions

    @Option(help: "text (sizes for people), tsv or json (one object per line). Default: text on a terminal, else tsv.")
    var format: Format?

    @Flag(name: .customShort("0"), help: "End each record with NUL instead of a newline (for xargs -0).")
    var nullTerminated = false

    @Flag(help: "List what the ignore file keeps out instead of what is sent.")
    var excluded = false

    @Option(name: [.customShort("j"), .customLong("threads")], help: "Walker threads (default: the number of cores).")
    var threads: Int = WalkOptions.onlineProcessors

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let context = try contextOptions.resolve()
            let rules = try IgnoreRules.load(for: context)
            let listing = try ContextListing.list(
                root: context.root, rules: rules, excluded: excluded, threads: threads)
            let out = Console.standardOutput
            let terminator: UInt8 = nullTerminated ? 0 : 10
            let chosen = format ?? (out.isTerminal ? .text : .tsv)
            for entry in listing.entries {
                switch chosen {
                case .tsv where nullTerminated:
                    out.write(bytes: entry.tsv)
                case .tsv:
                    out.write("\(entry.kind.code)\t\(entry.size)\t" + TerminalText.escape(entry.pathText))
                case .json:
                    var object: [String: JSONValue] = [
                        "type": .string(String(entry.kind.code)), "size": .int(entry.size),
                        "path": .string(LosslessUTF8.lossy(entry.pathText)),
                    ]
                    if LosslessUTF8.holdsRawBytes(entry.pathText) { object["pathBytes"] = .string(entry.pathBase64) }
                    if excluded { object["skipped"] = .bool(entry.skippedDirectory) }
                    out.write(JSONValue.object(object).rendered(indent: 0))
                case .text:
                    let size = TextLayout.padLeft(ByteCount.format(entry.size), 10)
                    let suffix = entry.kind == .directory ? "/" : ""
                    let note = entry.skippedDirectory ? "  (not entered; total size)" : ""
                    out.write("\(entry.kind.code)  \(size)  ")
                    out.write(TerminalText.escape(entry.pathText) + suffix + note)
                }
                out.write(bytes: [terminator])
            }
            out.flush()
            for diagnostic in listing.diagnostics {
                Console.standardError.line(
                    "ctxtrim: warning: \(diagnostic.kind) \(TerminalText.escape(diagnostic.path)): "
                        + TerminalText.escape(diagnostic.message))
            }
            Console.standardError.flush()
        }
    }
}
