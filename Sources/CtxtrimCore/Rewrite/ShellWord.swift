/// Quoting of words written into a generated `RUN` line.
enum ShellWord {
    /// `word` as is when it needs no quoting, else in double quotes with `"`, `\`, `$` and `` ` `` escaped.
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
        if plain && !word.isEmpty { return word }
        var out = "\""
        for character in word {
            if "\"\\$`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
