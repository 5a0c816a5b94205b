import UntrustedText

/// A JSON document built in memory and written deterministically: object keys sorted bytewise, no timestamps.
///
/// Reports build one of these and render it compact (one line, for `explain` streams) or indented.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }

    /// An object with a path under `key`: the text for people, plus, when the name is not UTF-8, its exact bytes in
    /// base64 under `key + "Bytes"` (`pathBytes`), so a consumer can still open or exclude it.
    package static func object(path: String, key: String = "path", _ members: [String: JSONValue]) -> JSONValue {
        var all = members
        all[key] = .string(path)
        if LosslessUTF8.holdsRawBytes(path) { all[key + "Bytes"] = .string(Base64.encode(LosslessUTF8.encode(path))) }
        return .object(all)
    }

    /// An optional string, `null` when absent.
    package static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// Renders the value. `indent` of 0 gives one line without spaces.
    package func rendered(indent: Int = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                out += String(Int64(value))
            } else if value.isFinite {
                out += String(value)
            } else {
                out += "null"
            }
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent: indent, level: level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent: indent, level: level + 1)
                JSONValue.writeString(key, to: &out)
                out += indent > 0 ? ": " : ":"
                members[key]!.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, indent: Int, level: Int) {
        guard indent > 0 else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    private static let hexDigits = Array("0123456789abcdef")

    /// Writes a JSON string literal; control characters (and C1, U+2028, U+2029) become `\uXXXX`, the raw bytes of a
    /// non-UTF-8 name (``LosslessUTF8``) U+FFFD, everything else stays as UTF-8. Exact names travel in `pathBytes`.
    static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029:
                let v = Int(scalar.value)
                out += "\\u"
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[(v >> shift) & 0xF]) }
            default:
                out.unicodeScalars.append(LosslessUTF8.rawByte(scalar) == nil ? scalar : "\u{FFFD}")
            }
        }
        out += "\""
    }
}
