import UntrustedText

/// The Compose Specification's interpolation of `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?error}`, `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}` and `$$`, over the values of the
/// project's `.env` file (or `--env-file`).
///
/// By default ctxtrim does not read the process environment: a compose file comes from the scanned tree, so
/// `context: ${CI_TOKEN}` would otherwise print a CI secret in a report. A variable that only the environment sets
/// counts as unset (empty, as compose substitutes an unset variable), and is listed in ``Result/unset``.
/// `--compose-environment` adds the environment's values, which win over the file's as in compose
/// (``ComposeDiscoveryOptions``).
struct ComposeInterpolation {
    /// The values variables take.
    let values: [String: String]

    /// The text with every reference replaced, and the variables that had no value.
    struct Result: Equatable {
        var text: String
        var unset: [String]
    }

    /// Why a text cannot be interpolated: a `${` without its `}`, a bad name, or a `:?`/`?` variable without value.
    struct Failure: Error, Equatable {
        var problem: String
        /// A `${VAR:?error}` or `${VAR?error}` whose variable has no value, rather than a malformed reference.
        var required = false
    }

    func interpolate(_ text: String) throws(Failure) -> Result {
        var output = ""
        var unset: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "$" else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            let next = text.index(after: index)
            guard next < text.endIndex else {
                output.append("$")
                break
            }
            if text[next] == "$" {
                output.append("$")
                index = text.index(after: next)
            } else if text[next] == "{" {
                let (value, end) = try braced(text, from: text.index(after: next), unset: &unset)
                output += value
                index = end
            } else if Self.startsName(text[next]) {
                var end = next
                while end < text.endIndex, Self.continuesName(text[end]) { end = text.index(after: end) }
                let name = String(text[next..<end])
                if let value = values[name] { output += value } else { unset.append(name) }
                index = end
            } else {
                output.append("$")
                index = next
            }
        }
        return Result(text: output, unset: unset)
    }

    /// `NAME...}` after `${`: the value and the index after the closing brace. Defaults may nest references.
    private func braced(
        _ text: String, from start: String.Index, unset: inout [String]
    ) throws(Failure) -> (String, String.Index) {
        var end = start
        while end < text.endIndex, Self.continuesName(text[end]) { end = text.index(after: end) }
        let name = String(text[start..<end])
        guard !name.isEmpty, let first = name.first, Self.startsName(first) else {
            throw Failure(problem: "`${` must be followed by a variable name")
        }
        guard end < text.endIndex else { throw Failure(problem: "`${\(name)` has no closing `}`") }
        // The operator, then the word up to the matching `}`.
        var cursor = end
        var colon = false
        if text[cursor] == ":" {
            colon = true
            cursor = text.index(after: cursor)
        }
        guard cursor < text.endIndex else { throw Failure(problem: "`${\(name)` has no closing `}`") }
        let operation = text[cursor]
        if operation == "}" && !colon {
            if let value = values[name] { return (value, text.index(after: cursor)) }
            unset.append(name)
            return ("", text.index(after: cursor))
        }
        guard "-?+".contains(operation) else {
            throw Failure(problem: "`${\(name)` has an unknown modifier; use :-, -, :?, ?, :+ or +")
        }
        var depth = 1
        var wordEnd = text.index(after: cursor)
        while wordEnd < text.endIndex {
            if text[wordEnd] == "{" { depth += 1 }
            if text[wordEnd] == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            wordEnd = text.index(after: wordEnd)
        }
        guard wordEnd < text.endIndex else { throw Failure(problem: "`${\(name)` has no closing `}`") }
        let word = String(text[text.index(after: cursor)..<wordEnd])
        let after = text.index(after: wordEnd)
        let value = values[name]
        let present = colon ? !(value ?? "").isEmpty : value != nil
        switch operation {
        case "-":
            if present { return (value!, after) }
            let inner = try interpolate(word)
            unset += inner.unset
            return (inner.text, after)
        case "+":
            guard present else { return ("", after) }
            let inner = try interpolate(word)
            unset += inner.unset
            return (inner.text, after)
        default:  // "?"
            if present { return (value!, after) }
            throw Failure(
                problem: "required variable \(name) has no value\(word.isEmpty ? "" : " (\(Excerpt.bare(word)))")",
                required: true)
        }
    }

    private static func startsName(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func continuesName(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }
}

/// A compose project's `.env` file: `NAME=value` lines, `export ` prefixes, `#` comments, single-quoted values taken
/// literally, double-quoted ones with `\n`, `\t`, `\"` and `\\` escapes, and ` #` comments after unquoted values.
enum DotEnvFile {
    static let name = ".env"

    /// The variables of `text`; a malformed line is an error naming its line.
    static func parse(_ text: String) throws(ComposeInterpolation.Failure) -> [String: String] {
        var values: [String: String] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            line = line.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count).drop { $0 == " " } }
            guard let equals = line.firstIndex(of: "=") else {
                throw .init(problem: "line \(offset + 1) is not NAME=value")
            }
            let name = line[..<equals].trimmingBlanks
            guard !name.isEmpty, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
            else {
                throw .init(problem: "line \(offset + 1) has no valid variable name before `=`")
            }
            values[name] = value(line[line.index(after: equals)...].trimmingBlanks)
        }
        return values
    }

    private static func value(_ text: String) -> String {
        if text.count >= 2, text.hasPrefix("'"), let close = text.dropFirst().firstIndex(of: "'") {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if text.hasPrefix("\"") {
            var result = ""
            var escaped = false
            for character in text.dropFirst() {
                if escaped {
                    switch character {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    default: result.append(character)
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return result
                } else {
                    result.append(character)
                }
            }
            return result
        }
        if let comment = text.firstRange(of: " #") { return String(text[..<comment.lowerBound]).trimmingBlanks }
        return text
    }
}
