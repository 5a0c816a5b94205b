import UntrustedText

/// Expands one Dockerfile word the way BuildKit's shell lexer (`shell/lex.go`) does.
///
/// Handles single and double quotes, the escape token in force (`\` or `` ` ``), `$NAME`, `${NAME}` and the modifiers
/// `-`, `:-`, `+`, `:+`, `?`, `:?`, `#`, `##`, `%`, `%%`. Quotes are removed from the result. Variables that are not
/// defined expand to the empty string, as BuildKit does, and are reported in `unresolved` so a caller can tell that the
/// result may depend on values it does not know (a base image's `ENV`, an unset build argument).
struct ShellLexer {
    /// The result of expanding one word.
    struct Expansion: Equatable {
        var text: String
        /// Names looked up but not defined, in order of first use.
        var unresolved: [String]
        /// Names looked up and defined, in order of first use.
        var resolved: [String] = []
    }

    /// A lexing problem, worded like BuildKit's own message.
    struct Failure: Error, Equatable {
        let message: String
    }

    let escapeToken: Unicode.Scalar
    let variables: [String: String]

    func expand(_ word: String) throws(Failure) -> Expansion {
        var cursor = Cursor(scalars: Array(word.unicodeScalars), lexer: self)
        let text = try cursor.readUntil(nil)
        return Expansion(text: text, unresolved: cursor.unresolved, resolved: cursor.resolved)
    }
}

extension ShellLexer {
    fileprivate struct Cursor {
        let scalars: [Unicode.Scalar]
        let lexer: ShellLexer
        var index = 0
        var unresolved: [String] = []
        var resolved: [String] = []

        init(scalars: [Unicode.Scalar], lexer: ShellLexer) {
            self.scalars = scalars
            self.lexer = lexer
        }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func next() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            defer { index += 1 }
            return scalars[index]
        }

        /// Reads up to `stop` (consumed) or the end; a missing `stop` is an error.
        mutating func readUntil(_ stop: Unicode.Scalar?) throws(Failure) -> String {
            var result = String.UnicodeScalarView()
            while let scalar = peek {
                if let stop, scalar == stop {
                    index += 1
                    return String(result)
                }
                switch scalar {
                case "'":
                    result.append(contentsOf: try readSingleQuoted().unicodeScalars)
                case "\"":
                    result.append(contentsOf: try readDoubleQuoted().unicodeScalars)
                case "$":
                    result.append(contentsOf: try readDollar().unicodeScalars)
                default:
                    index += 1
                    if scalar == lexer.escapeToken {
                        guard let escaped = next() else { return String(result) }
                        result.append(escaped)
                    } else {
                        result.append(scalar)
                    }
                }
            }
            if stop != nil { throw Failure(message: "syntax error: missing '}'") }
            return String(result)
        }

        mutating func readSingleQuoted() throws(Failure) -> String {
            index += 1
            var result = String.UnicodeScalarView()
            while let scalar = next() {
                if scalar == "'" { return String(result) }
                result.append(scalar)
            }
            throw Failure(message: "unexpected end of statement while looking for matching single-quote")
        }

        mutating func readDoubleQuoted() throws(Failure) -> String {
            index += 1
            var result = String.UnicodeScalarView()
            while let scalar = peek {
                if scalar == "\"" {
                    index += 1
                    return String(result)
                }
                if scalar == "$" {
                    result.append(contentsOf: try readDollar().unicodeScalars)
                    continue
                }
                index += 1
                if scalar == lexer.escapeToken {
                    guard let following = peek else { continue }
                    if following == "\"" || following == "$" || following == lexer.escapeToken {
                        index += 1
                        result.append(following)
                        continue
                    }
                }
                result.append(scalar)
            }
            throw Failure(message: "unexpected end of statement while looking for matching double-quote")
        }

        mutating func lookup(_ name: String) -> String? {
            if let value = lexer.variables[name] {
                if !resolved.contains(name) { resolved.append(name) }
                return value
            }
            if !unresolved.contains(name) { unresolved.append(name) }
            return nil
        }

        /// Reads a name: letters, digits and `_`; a leading digit run or one special parameter stands alone.
        mutating func readName() -> String {
            var name = String.UnicodeScalarView()
            while let scalar = peek {
                if name.isEmpty, ("0"..."9").contains(scalar) {
                    while let digit = peek, ("0"..."9").contains(digit) {
                        name.append(digit)
                        index += 1
                    }
                    return String(name)
                }
                if name.isEmpty, "@*#?-$!".unicodeScalars.contains(scalar) {
                    index += 1
                    return String(scalar)
                }
                guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" else { break }
                name.append(scalar)
                index += 1
            }
            return String(name)
        }

        mutating func readDollar() throws(Failure) -> String {
            index += 1
            guard peek == "{" else {
                let name = readName()
                if name.isEmpty { return "$" }
                return lookup(name) ?? ""
            }
            index += 1
            switch peek {
            case nil: throw Failure(message: "syntax error: missing '}'")
            case "{", "}", ":": throw Failure(message: "syntax error: bad substitution")
            default: break
            }
            let name = readName()
            guard var modifier = next() else { throw Failure(message: "syntax error: missing '}'") }
            if modifier == "}" { return lookup(name) ?? "" }
            var emptyIsUnset = false
            if modifier == ":" {
                emptyIsUnset = true
                guard let afterColon = next() else { throw Failure(message: "syntax error: missing '}'") }
                modifier = afterColon
            }
            switch modifier {
            case "-", "+", "?":
                let word = try readUntil("}")
                var value = lookup(name)
                if emptyIsUnset, value == "" { value = nil }
                switch modifier {
                case "-": return value ?? word
                case "+": return value == nil ? "" : word
                default:
                    if let value { return value }
                    throw Failure(
                        message:
                            "\(name): \(word.isEmpty ? "is not allowed to be unset" : Excerpt.bare(word))"
                    )
                }
            case "#", "%":
                if emptyIsUnset { throw Failure(message: "unsupported modifier (:\(modifier)) in substitution") }
                let longest = peek == modifier
                if longest { index += 1 }
                let pattern = try readUntil("}")
                let value = lookup(name) ?? ""
                return modifier == "#"
                    ? ShellPattern(pattern).removingPrefix(of: value, longest: longest)
                    : ShellPattern(pattern).removingSuffix(of: value, longest: longest)
            default:
                let written = emptyIsUnset ? ":\(modifier)" : "\(modifier)"
                throw Failure(message: "unsupported modifier (\(written)) in substitution")
            }
        }
    }
}
