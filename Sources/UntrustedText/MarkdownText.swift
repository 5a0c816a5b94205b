/// Untrusted text made inert in GitHub-flavoured Markdown: no HTML is ever live, no code span or table cell can be
/// closed by the content, and no new line can be started.
package enum MarkdownText {
    /// `text` as an inline code span fenced with more backticks than any run it contains, padded when it starts or
    /// ends with a backtick; `|` escaped for table cells; line breaks and other controls escaped (``TerminalText``).
    package static func code(_ text: String) -> String {
        let flat = TerminalText.escape(text)
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.hasPrefix(" ") ? " \(flat) " : flat
        return fence + padded.replacingAll("|", with: "\\|") + fence
    }

    /// Plain text with every character that could open HTML, a link, an image, emphasis, code or a table cell escaped:
    /// `<`, `>`, `&` as entities, `` \ ` * _ [ ] | ~ `` with a backslash, controls escaped (``TerminalText``).
    package static func text(_ text: String) -> String {
        var out = ""
        for character in TerminalText.escape(text) {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out += "\\" + String(character)
            default: out.append(character)
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
        var part = ""
        func flush() {
            out += inCode ? "<code>" + text(part) + "</code>" : text(part)
            part = ""
        }
        for character in message {
            if character == "`" {
                flush()
                inCode.toggle()
            } else {
                part.append(character)
            }
        }
        if inCode {
            part = "`" + part
            inCode = false
        }
        flush()
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
