/// The most of an input that a message may quote: a short, escaped excerpt of the offending token.
///
/// Messages about a bad line name the file, line and column and quote at most ``limit`` characters of the token that
/// is wrong, escaped for a terminal (``TerminalText``), never the rest of the line. A token that looks like a
/// credential (an assignment of a long value, or a long run of key-like characters) is not quoted at all: a file the
/// attacker pointed a symlink at, such as `/proc/self/environ`, must not reach a CI log through an error.
package enum Excerpt {
    /// Characters quoted at most, before `…`.
    package static let limit = 40

    /// The token quoted for a message, with the quotes: `"[a-"`, or `(a value of N characters, not shown)`.
    package static func quote(_ token: some StringProtocol, limit: Int = Excerpt.limit) -> String {
        looksSecret(String(token)) ? bare(token, limit: limit) : "\"" + bare(token, limit: limit) + "\""
    }

    /// The token as ``quote(_:limit:)`` shows it, without the quotes: for messages that mirror BuildKit's words.
    package static func bare(_ token: some StringProtocol, limit: Int = Excerpt.limit) -> String {
        let token = String(token)
        if looksSecret(token) { return "(\(token.count) characters, not shown)" }
        return TerminalText.escape(token.count > limit ? String(token.prefix(limit)) + "…" : token)
    }

    /// Whether a token may carry a credential: an assignment `NAME=value` with a value of 8 or more characters, or
    /// 20 or more characters in a row of letters, digits and `+/_-` with both letters and digits.
    package static func looksSecret(_ token: String) -> Bool {
        if let equals = token.firstIndex(of: "="), token.distance(from: equals, to: token.endIndex) > 8,
            token[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), equals != token.startIndex
        {
            return true
        }
        var run = 0
        var letters = false
        var digits = false
        for scalar in token.unicodeScalars {
            let keyLike =
                (scalar.value < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || "+/_-".unicodeScalars.contains(scalar)
            if keyLike {
                run += 1
                if ("0"..."9").contains(scalar) {
                    digits = true
                } else if scalar.properties.isAlphabetic {
                    letters = true
                }
                if run >= 20 && letters && digits { return true }
            } else {
                run = 0
                letters = false
                digits = false
            }
        }
        return false
    }
}
