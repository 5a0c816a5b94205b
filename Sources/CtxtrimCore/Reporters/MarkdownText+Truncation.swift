import UntrustedText

extension MarkdownText {
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
