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
