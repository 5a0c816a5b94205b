import UntrustedText

/// Text for people: the scan report with bars, the check verdict, the listing with sizes, `explain`'s
/// `SOURCE:LINE:PATTERN<TAB>PATH` lines and what `fix` did. Every name is escaped for a terminal, except `explain`'s
/// with `-z`, which are exact.
package struct TextReporter: Reporter {
    package init() {}

    package var name: String { "text" }

    package func renders(_ kind: CommandOutcome.Kind) -> Bool { true }

    package func render(_ outcome: CommandOutcome, options: RenderOptions) -> Rendering {
        let style = options.style
        switch outcome {
        case .scan(let report):
            // The report lists its diagnostics itself.
            return Rendering(output: Array(report.text(style: style).withFinalNewline.utf8))
        case .builds(let report):
            return Rendering(text: report.text(style: style, wide: options.wide), warningsOf: outcome)
        case .check(let gate):
            return Rendering(text: CheckTextReporter.render(gate, style: style), warningsOf: outcome)
        case .checkAll(let outcomes, let skipped):
            return Rendering(
                text: CombinedGate.text(outcomes, skipped: skipped, style: style), warningsOf: outcome)
        case .listing(let listing):
            return Rendering(output: Self.listing(listing, options: options), messages: outcome.warnings)
        case .explanations(let explanations):
            return Self.explanations(explanations, options: options)
        case .fix(let fix, let dryRun):
            return Self.fix(fix, dryRun: dryRun, style: style)
        case .digest(let digest):
            let (text, messages) = digest.text
            return Rendering(output: Array(text.withFinalNewline.utf8), messages: messages)
        }
    }

    /// `TYPE  SIZE  PATH` with sizes for people; a directory ends with `/`, a skipped one says so.
    private static func listing(_ listing: ContextListing, options: RenderOptions) -> [UInt8] {
        var out: [UInt8] = []
        for entry in listing.entries {
            let size = TextLayout.padLeft(ByteCount.format(entry.size), 10)
            let suffix = entry.kind == .directory ? "/" : ""
            let note = entry.skippedDirectory ? "  (not entered; total size)" : ""
            out += "\(entry.kind.code)  \(size)  ".utf8
            out += (TerminalText.escape(entry.pathText) + suffix + note).utf8
            out.append(options.nulTerminated ? 0 : 10)
        }
        return out
    }

    /// `SOURCE:LINE:PATTERN<TAB>PATH` per decided path (`::<TAB>PATH` for the others with `--non-matching`); a path
    /// that cannot be decided is an error line on standard error.
    private static func explanations(_ explanations: PathExplanations, options: RenderOptions) -> Rendering {
        let terminator = options.nulTerminated ? "\u{0}" : "\n"
        // Paths may come from an untrusted tree (`find | ctxtrim explain --stdin`): shown escaped unless -z.
        let shown: (String) -> String = options.nulTerminated ? { $0 } : { TerminalText.escape($0) }
        var out = ""
        var messages: [String] = []
        for explanation in explanations.items {
            if let error = explanation.error {
                messages.append(
                    "ctxtrim: error: \(TerminalText.escape(explanation.input)): \(TerminalText.escape(error))")
            } else if let rule = explanation.rule {
                out += "\(shown(rule.source)):\(rule.line):\(shown(rule.displayPattern))\t"
                out += shown(explanation.input) + terminator
            } else if explanations.showsNonMatching {
                out += "::\t\(shown(explanation.input))\(terminator)"
            }
        }
        return Rendering(output: Array(out.utf8), messages: messages)
    }

    /// What was written (or the diff, for `--dry-run` and `--check`), the shrink before and after, the other builds
    /// that read the file and what was kept and why; problems go to standard error. An ignore file already up to
    /// date says "no change" and shows no shrink: nothing changes.
    private static func fix(_ fix: IgnoreFileFixer.Outcome, dryRun: Bool, style: TextStyle) -> Rendering {
        let shown = TerminalText.escape(fix.displayPath)
        var out = ""
        var messages: [String] = []
        if !fix.changed {
            out += "no change: \(shown) is up to date"
            out +=
                fix.plan.patternCount > 0
                ? " (ctxtrim's block has \(TextLayout.count(fix.plan.patternCount, "pattern")))\n" : "\n"
        } else {
            if dryRun || fix.checked {
                out += fix.diff + "\n"
                if fix.checked {
                    messages.append("ctxtrim: \(shown) is stale: ctxtrim fix would change it as shown; run ctxtrim fix")
                }
            } else {
                let verb = fix.created ? "created" : "updated"
                out += "\(verb) \(shown): ctxtrim's block has \(TextLayout.count(fix.plan.patternCount, "pattern"))"
                out += (fix.created ? "" : "; your lines are unchanged") + "\n"
            }
            let tense = fix.wrote ? "" : ", if written"
            out += style.bold("Context size") + " (\(fix.plan.strategy.rawValue) strategy\(tense)): before → after\n"
            if !fix.plan.choice.isEmpty, fix.plan.choice != "asked for" {
                out +=
                    style.dim(
                        "strategy: \(fix.plan.strategy.rawValue), because \(TerminalText.escape(fix.plan.choice))")
                    + "\n"
            }
            out += fix.shrink.text(style: style)
        }
        for build in fix.sharedWith {
            out += "also read by: \(TerminalText.escape(build))\n"
        }
        if let advice = fix.ownIgnoreFile { out += "note: \(TerminalText.escape(advice))\n" }
        for kept in fix.plan.kept {
            let why = kept.copied ? "a source copies it" : "a source may read something inside it"
            // "never read" is the candidate's reason only while no source reads it: it says nothing once one does.
            let flagged = kept.reason == FixPlanner.unreadReason ? "" : " (flagged: \(kept.reason))"
            let line = "kept: \(TerminalText.escape(kept.path))\(flagged): \(why) (line \(kept.sourceLine))"
            out += style.dim(line) + "\n"
        }
        messages += fix.plan.problems.map {
            "ctxtrim: error: \(TerminalText.escape($0.path)): \(TerminalText.escape($0.message))"
        }
        return Rendering(output: Array(out.utf8), messages: messages)
    }
}
