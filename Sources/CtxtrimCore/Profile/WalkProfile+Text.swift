import UntrustedText

extension WalkProfile {
    /// The "Profile" section of the text report: the walk's totals, then three small tables (top-level directories by
    /// time, rules by time, unprunable directories by entries), each cut to `top` rows.
    func text(style: TextStyle) -> String {
        var out: [String] = [
            style.bold("Profile") + "  walked " + TextLayout.count(entries.walked, "entry", "entries") + " in "
                + ScanReport.seconds(walkSeconds) + " with " + TextLayout.count(threads, "thread") + ", sent "
                + TextLayout.grouped(entries.sent) + ", walked but not sent "
                + TextLayout.grouped(entries.walkedNotSent)
        ]
        if measuringSeconds > 0 {
            out.append(
                style.dim(
                    "  (+ \(ScanReport.seconds(measuringSeconds)) measuring pruned directories, not the builder's)"))
        }
        out.append("")
        out.append(style.dim("  top-level directory               time    walked      sent  not sent"))
        for directory in topDirectories {
            out.append(
                "  " + TextLayout.padRight(TextLayout.elidedStart(shown(directory.path), 30), 30)
                    + TextLayout.padLeft(Self.duration(directory.seconds), 8) + counts(directory.entries))
        }
        let costly = rules.enumerated().sorted {
            ($0.element.seconds, $1.offset) > ($1.element.seconds, $0.offset)
        }.prefix(top)
        if !costly.isEmpty {
            out.append("")
            out.append(style.dim("  rule (line)                       time   matched   decided  not sent"))
            for (_, rule) in costly {
                let label = TextLayout.elided(shown(rule.pattern), 23) + " (\(rule.line))"
                out.append(
                    "  " + TextLayout.padRight(label, 30) + TextLayout.padLeft(Self.duration(rule.seconds), 8)
                        + TextLayout.padLeft(TextLayout.grouped(rule.matched), 10)
                        + TextLayout.padLeft(TextLayout.grouped(rule.decided), 10)
                        + TextLayout.padLeft(TextLayout.grouped(rule.walkedNotSent), 10))
            }
        }
        if !unprunable.isEmpty {
            let lines = Set(unprunable.flatMap { $0.rules.map(\.line) }).sorted().map(String.init)
            out.append("")
            out.append(
                style.yellow("  BuildKit cannot prune these: a wildcard exception (line ")
                    + style.yellow(lines.joined(separator: ", ") + ") makes it walk every excluded directory"))
            out.append(style.dim("  excluded directory              walked     bytes      sent   pruning saves"))
            for directory in unprunable {
                out.append(
                    "  " + TextLayout.padRight(TextLayout.elidedStart(shown(directory.path), 28), 28)
                        + TextLayout.padLeft(TextLayout.grouped(directory.entries), 10)
                        + TextLayout.padLeft(ByteCount.format(directory.bytes), 10)
                        + TextLayout.padLeft(TextLayout.grouped(directory.sent), 10)
                        + TextLayout.padLeft(TextLayout.count(directory.savingEntries, "entry", "entries"), 16))
            }
        }
        return out.joined(separator: "\n")
    }

    private func counts(_ entries: Entries) -> String {
        TextLayout.padLeft(TextLayout.grouped(entries.walked), 10)
            + TextLayout.padLeft(TextLayout.grouped(entries.sent), 10)
            + TextLayout.padLeft(TextLayout.grouped(entries.walkedNotSent), 10)
    }

    private func shown(_ text: String) -> String { TerminalText.escape(text) }

    /// A short duration with the precision a table row needs: `850 µs`, `12.3 ms`, `1.25 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 0.001 { return "\(Int((seconds * 1e6).rounded())) µs" }
        if seconds < 1 { return "\((seconds * 1e4).rounded() / 10) ms" }
        return ScanReport.seconds(seconds)
    }
}
