/// A Dockerfile word after variable substitution, with the variables it used: what BuildKit's
/// `ProcessWordWithMatches` returns, for checks that ask which variables a word reads.
package struct WordExpansion: Equatable, Sendable {
    /// The word with quotes removed and variables substituted (an undefined variable gives the empty string).
    package let text: String
    /// Variables the word read that had a value, in order of first use.
    package let matched: [String]
    /// Variables the word read that had none, in order of first use.
    package let unmatched: [String]
}

extension Dockerfile {
    /// `word` expanded with `variables` and this Dockerfile's escape token, or nil when BuildKit's lexer would
    /// refuse it (an unterminated quote or `${`).
    package func expand(_ word: String, variables: [String: String]) -> WordExpansion? {
        let lexer = ShellLexer(escapeToken: directives.escapeToken, variables: variables)
        guard let expansion = try? lexer.expand(word) else { return nil }
        return WordExpansion(text: expansion.text, matched: expansion.resolved, unmatched: expansion.unresolved)
    }
}
