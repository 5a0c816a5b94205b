import UntrustedText

/// `ls` as BuildKit's context listing: `TYPE<TAB>SIZE<TAB>PATH` a record. Names are escaped for a terminal, or exact
/// bytes with `-0`.
package struct TSVReporter: Reporter {
    package init() {}

    package var name: String { "tsv" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { kind == .listing }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        guard case .listing(let listing) = outcome else { return Rendering(output: []) }
        var out: [UInt8] = []
        for entry in listing.entries {
            if options.nulTerminated {
                out += entry.tsv
                out.append(0)
            } else {
                out += "\(entry.kind.code)\t\(entry.size)\t".utf8
                out += TerminalText.escape(entry.pathText).utf8
                out.append(10)
            }
        }
        return Rendering(output: out, messages: outcome.warnings)
    }
}
