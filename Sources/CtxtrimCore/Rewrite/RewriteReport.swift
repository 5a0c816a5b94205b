import UntrustedText

/// The text `fix --dockerfile` shows for an outcome: the proposal in full (or, for `--check`, as a diff), what was
/// decided, what to check, and what ctxtrim verified; or why the Dockerfile was left alone. Untrusted text (the
/// Dockerfile's own lines, paths) is escaped for a terminal.
package enum RewriteReport {
    package enum Mode: Sendable {
        /// Show the proposal.
        case show
        /// `--check`: the diff only.
        case check
        /// `--write`: what was written.
        case wrote(DockerfileWriter.Written)
    }

    package static func render(
        _ outcome: DockerfileRewriter.Outcome, dockerfile shown: String, mode: Mode, style: TextStyle
    ) -> String {
        let name = TerminalText.escape(shown)
        switch outcome {
        case .refused(let refusal):
            var lines = [
                style.bold("\(name): left alone")
                    + (refusal.ecosystem.map { " (\($0.rawValue) recognised)" } ?? "") + " [\(refusal.kind.rawValue)]",
                "  " + TerminalText.escape(refusal.reason),
            ]
            if refusal.kind == .verificationFailed {
                lines.append("  the proposal is not shown, since it failed ctxtrim's own checks")
            }
            return lines.joined(separator: "\n") + "\n"
        case .proposed(let rewrite):
            var lines: [String] = []
            switch mode {
            case .show:
                lines.append(
                    style.bold("\(name): a multi-stage \(rewrite.ecosystem.rawValue) build (run with --write to apply)")
                )
                lines.append("")
                lines += rewrite.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
                    TerminalText.escape(String($0))
                }
            case .check:
                lines.append(style.bold("\(name): a multi-stage \(rewrite.ecosystem.rawValue) build is pending"))
                lines.append("")
                let diff = UnifiedDiff.render(
                    old: rewrite.original, new: rewrite.text, oldName: "a/" + shown, newName: "b/" + shown)
                lines += diff.split(separator: "\n").map { TerminalText.escape(String($0)) }
            case .wrote(let written):
                lines.append(style.bold("\(name): rewritten as a multi-stage \(rewrite.ecosystem.rawValue) build"))
                if let original = written.original {
                    lines.append("the original is kept as \(TerminalText.escape(original))")
                }
            }
            lines.append("")
            lines.append(style.bold("Decided:"))
            lines += rewrite.decisions.map { "  - " + TerminalText.escape($0) }
            if !rewrite.caveats.isEmpty {
                lines.append(style.bold("Check:"))
                lines += rewrite.caveats.map { "  - " + TerminalText.escape($0) }
            }
            lines.append(style.bold("Verified by ctxtrim (no image was built):"))
            lines += rewrite.verified.map { "  - " + TerminalText.escape($0) }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
