/// Untrusted text made inert in HTML text and attribute values: `&`, `<`, `>`, `"` and `'` as entities, controls
/// escaped (``TerminalText``).
package enum HTMLText {
    package static func escape(_ text: String) -> String {
        var out = ""
        for character in TerminalText.escape(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
