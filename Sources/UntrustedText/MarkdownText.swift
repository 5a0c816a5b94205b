/// Untrusted text made inert in GitHub-flavoured Markdown: no HTML is ever live, no code span or table cell can be
/// closed by the content, and no new line can be started.
package enum MarkdownText {
    /// `text` as an inline code span fenced with more backticks than any run it contains, padded when it starts or
    /// ends with a backtick; `|` escaped for table cells; line breaks and other controls escaped (``TerminalText``).
    package static func code(_ text: String) -> String {
        let flat = TerminalText.escape(text)
        // "``" is no code span but two literal backticks, which could pair with a later fence: show one space.
        if flat.isEmpty { return "` `" }
        var longest = 0
        var run = 0
        // Scalars, not Characters: a backtick followed by a combining mark is one Character but still a backtick.
        for scalar in flat.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let first = flat.unicodeScalars.first
        let padded = first == "`" || flat.unicodeScalars.last == "`" || first == " " ? " \(flat) " : flat
        return fence + padded.replacingAll("|", with: "\\|") + fence
    }

    /// Plain text with every character that could open HTML, a link, an image, emphasis, code or a table cell escaped:
    /// `<`, `>`, `&` as entities, `` \ ` * _ [ ] | ~ `` with a backslash, controls escaped (``TerminalText``).
    package static func text(_ text: String) -> String {
        var out = ""
        for scalar in TerminalText.escape(text).unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A message on one line whose backtick-quoted parts are shown as code, everything else as ``text(_:)``.
    ///
    /// Quoted parts come from untrusted names, which may themselves hold backticks; so a part is rendered as an HTML
    /// `<code>` element whose content is escaped like any other text, and a stray backtick can at worst move the code
    /// styling, never open HTML or a link.
    package static func inline(_ message: String) -> String {
        var out = ""
        var inCode = false
        var part = String.UnicodeScalarView()
        func flush() {
            out += inCode ? "<code>" + text(String(part)) + "</code>" : text(String(part))
            part = String.UnicodeScalarView()
        }
        for scalar in message.unicodeScalars {
            if scalar == "`" {
                flush()
                inCode.toggle()
            } else {
                part.append(scalar)
            }
        }
        if inCode {
            part = "`".unicodeScalars + part
            inCode = false
        }
        flush()
        return out
    }
}

extension String {
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
