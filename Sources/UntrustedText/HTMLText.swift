/// Untrusted text made inert in HTML text and attribute values: `&`, `<`, `>`, `"` and `'` as entities, controls
/// escaped (``TerminalText``).
package enum HTMLText {
    package static func escape(_ text: String) -> String {
        var out = ""
        // Scalars, not Characters: a quote followed by a combining mark is one Character but still ends an attribute.
        for scalar in TerminalText.escape(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension HTMLText {
    /// A JSON document made safe as the content of a `<script type="application/json">` element: `<`, `>`, `&`,
    /// U+2028 and U+2029 as `\u` escapes, which JSON reads back unchanged, so no name in it can close the element
    /// (`</script>`) or open a comment (`<!--`). Only valid inside JSON strings and between tokens, where these
    /// characters can appear in a JSON document at all.
    package static func scriptData(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
