/// Reads the exec (JSON array) form of an instruction's arguments, as BuildKit's `parseJSON` does.
///
/// Like Go's `json.Decoder`, only the first JSON value is read; text after the closing `]` is ignored.
enum JSONStringArray {
    enum Outcome: Equatable {
        /// A JSON array of strings.
        case strings([String])
        /// Not a JSON array at all (BuildKit falls back to the shell form).
        case notJSON(reason: String)
        /// A valid JSON array with an element that is not a string (BuildKit rejects it).
        case nonString
    }

    static func read(_ text: Substring) -> Outcome {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        reader.skipWhitespace()
        guard reader.peek == "[" else { return .notJSON(reason: "does not start with '['") }
        return reader.readArray()
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func skipWhitespace() {
            while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { index += 1 }
        }

        mutating func readArray() -> Outcome {
            index += 1
            var strings: [String] = []
            var sawNonString = false
            skipWhitespace()
            if peek == "]" { return .strings([]) }
            while true {
                skipWhitespace()
                switch peek {
                case "\"":
                    guard let string = readString() else { return .notJSON(reason: "malformed string") }
                    strings.append(string)
                case let scalar? where "-0123456789tfn{[".unicodeScalars.contains(scalar):
                    guard skipValue() else { return .notJSON(reason: "malformed value") }
                    sawNonString = true
                default:
                    return .notJSON(reason: "expected a string")
                }
                skipWhitespace()
                switch peek {
                case ",": index += 1
                case "]": return sawNonString ? .nonString : .strings(strings)
                default: return .notJSON(reason: "expected ',' or ']'")
                }
            }
        }

        /// Reads a JSON string starting at `"`; nil when malformed.
        mutating func readString() -> String? {
            index += 1
            var result = String.UnicodeScalarView()
            while let scalar = peek {
                index += 1
                switch scalar {
                case "\"": return String(result)
                case "\\":
                    guard let escaped = peek else { return nil }
                    index += 1
                    switch escaped {
                    case "\"", "\\", "/": result.append(escaped)
                    case "b": result.append("\u{08}")
                    case "f": result.append("\u{0C}")
                    case "n": result.append("\n")
                    case "r": result.append("\r")
                    case "t": result.append("\t")
                    case "u":
                        guard let unit = readHex4() else { return nil }
                        if (0xD800..<0xDC00).contains(unit), peek == "\\", index + 1 < scalars.count,
                            scalars[index + 1] == "u"
                        {
                            let save = index
                            index += 2
                            if let low = readHex4(), (0xDC00..<0xE000).contains(low) {
                                let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                result.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                                continue
                            }
                            index = save
                        }
                        result.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                    default: return nil
                    }
                default:
                    if scalar.value < 0x20 { return nil }
                    result.append(scalar)
                }
            }
            return nil
        }

        mutating func readHex4() -> UInt32? {
            guard index + 4 <= scalars.count else { return nil }
            let digits = String(String.UnicodeScalarView(scalars[index..<index + 4]))
            guard let value = UInt32(digits, radix: 16) else { return nil }
            index += 4
            return value
        }

        /// Skips any JSON value that is not a string; false when malformed.
        mutating func skipValue() -> Bool {
            skipWhitespace()
            guard let scalar = peek else { return false }
            switch scalar {
            case "\"": return readString() != nil
            case "[", "{":
                let close: Unicode.Scalar = scalar == "[" ? "]" : "}"
                index += 1
                skipWhitespace()
                if peek == close {
                    index += 1
                    return true
                }
                while true {
                    if close == "}" {
                        skipWhitespace()
                        guard peek == "\"", readString() != nil else { return false }
                        skipWhitespace()
                        guard peek == ":" else { return false }
                        index += 1
                    }
                    guard skipValue() else { return false }
                    skipWhitespace()
                    guard let separator = peek else { return false }
                    index += 1
                    if separator == close { return true }
                    guard separator == "," else { return false }
                }
            case "t": return skipLiteral("true")
            case "f": return skipLiteral("false")
            case "n": return skipLiteral("null")
            default:
                let start = index
                while let digit = peek, "+-.eE0123456789".unicodeScalars.contains(digit) { index += 1 }
                return Double(String(String.UnicodeScalarView(scalars[start..<index]))) != nil
            }
        }

        mutating func skipLiteral(_ literal: String) -> Bool {
            for expected in literal.unicodeScalars {
                guard peek == expected else { return false }
                index += 1
            }
            return true
        }
    }
}
