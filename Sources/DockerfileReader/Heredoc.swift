/// A here-document attached to a `RUN`, `COPY` or `ADD` instruction (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`).
package struct Heredoc: Equatable, Sendable {
    /// The delimiter word with its quotes removed.
    package let name: String
    /// The file descriptor written before `<<`, if any.
    package let fileDescriptor: Int?
    /// False when any part of the delimiter was quoted: the body is then taken literally.
    package let expands: Bool
    /// True for `<<-`: leading tabs are stripped from the body and the terminator.
    package let stripsLeadingTabs: Bool
    /// The body, line by line with each line's newline, without the terminator line.
    package internal(set) var content: String

    /// The heredoc a word opens, following BuildKit's `^(\d*)<<(-?)([^<]*)$` rule; nil when the word opens none.
    static func opened(by word: Substring) -> Heredoc? {
        var rest = word[...]
        let digits = rest.prefix { ("0"..."9").contains($0) }
        rest = rest.dropFirst(digits.count)
        guard rest.hasPrefix("<<") else { return nil }
        rest = rest.dropFirst(2)
        let strips = rest.first == "-"
        if strips { rest = rest.dropFirst() }
        guard !rest.isEmpty, !rest.contains("<") else { return nil }
        let words = unquotedWords(rest)
        guard words.count == 1 else { return nil }
        let quoted = rest.contains("\"") || rest.contains("'")
        return Heredoc(
            name: words[0], fileDescriptor: digits.isEmpty ? nil : Int(digits), expands: !quoted,
            stripsLeadingTabs: strips, content: "")
    }

    /// The words of `text` with quotes and backslash escapes removed; `$` is left as written.
    private static func unquotedWords(_ text: Substring) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                while let quoted = iterator.next(), quoted != "'" { word.append(quoted) }
            case "\"":
                inWord = true
                while let quoted = iterator.next(), quoted != "\"" {
                    if quoted == "\\", let escaped = iterator.next() {
                        if escaped != "\"" && escaped != "\\" && escaped != "$" { word.append("\\") }
                        word.append(escaped)
                    } else {
                        word.append(quoted)
                    }
                }
            case "\\":
                inWord = true
                if let escaped = iterator.next() { word.append(escaped) }
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
