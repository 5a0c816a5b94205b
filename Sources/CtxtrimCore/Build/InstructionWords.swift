/// The words of an instruction's arguments, for the BuildKit checks and the Dockerfile rewrite.
enum InstructionWords {
    /// Splits on runs of blanks, as BuildKit's `parseStringsWhitespaceDelimited` does.
    static func blankSeparated(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{0B}" || $0 == "\u{0C}" || $0 == "\r" })
            .map(String.init)
    }

    /// `["a", "b"]`: the exec form of `words`, each a JSON string (``JSONValue``'s escaping).
    static func execForm(_ words: [String]) -> String {
        "["
            + words.map { word in
                var out = ""
                JSONValue.writeString(word, to: &out)
                return out
            }.joined(separator: ", ") + "]"
    }
}
