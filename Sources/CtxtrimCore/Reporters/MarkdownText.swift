/// Markdown building blocks that keep user-controlled text (paths, messages) from breaking the document.
package enum MarkdownText {
    /// `text` as an inline code span, fenced with more backticks than it contains; `|` escaped for table cells.
    package static func code(_ text: String) -> String {
        let flat = text.replacingNewlines
        var longest = 0
        var run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = flat.hasPrefix("`") || flat.hasSuffix("`") ? " \(flat) " : flat
        return fence + padded.replacingOccurrences(of: "|", with: "\\|") + fence
    }

    /// A message on one line: code spans kept as written, `<`, `>` and `|` escaped outside them so no HTML or
    /// table cell can be opened.
    package static func inline(_ text: String) -> String {
        var out = ""
        var inCode = false
        for character in text.replacingNewlines {
            switch character {
            case "`":
                inCode.toggle()
                out.append(character)
            case "<" where !inCode: out += "&lt;"
            case ">" where !inCode: out += "&gt;"
            case "|": out += "\\|"
            default: out.append(character)
            }
        }
        return out
    }

    /// Keeps the first lines of `markdown` that fit in `maxBytes` of UTF-8 with a closing note, closes any
    /// `<details>` left open, and says how many lines were cut and `advice`. Returns `markdown` when it fits.
    package static func truncated(_ markdown: String, maxBytes: Int, advice: String) -> String {
        guard markdown.utf8.count > maxBytes else { return markdown }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let closing = "\n</details>\n"
        func note(omitted: Int) -> String {
            "\n_Truncated: \(TextLayout.count(omitted, "more line")) did not fit in \(ByteCount.format(Int64(maxBytes))). "
                + advice + "_\n"
        }
        let reserve = note(omitted: lines.count).utf8.count
        var kept: [Substring] = []
        var size = 0
        var openDetails = 0
        for line in lines {
            let depth = openDetails + (line.hasPrefix("<details>") ? 1 : 0) - (line.hasPrefix("</details>") ? 1 : 0)
            guard size + line.utf8.count + 1 + depth * closing.utf8.count + reserve <= maxBytes else { break }
            kept.append(line)
            size += line.utf8.count + 1
            openDetails = depth
        }
        return kept.joined(separator: "\n") + "\n" + String(repeating: closing, count: openDetails)
            + note(omitted: lines.count - kept.count)
    }
}

extension String {
    /// The text with CR and LF turned into spaces.
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
