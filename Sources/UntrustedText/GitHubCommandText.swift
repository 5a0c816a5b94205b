/// Untrusted text made safe inside a GitHub Actions workflow command (`::error file=...::message`).
///
/// Escapes as `@actions/core` does (`%`, CR, LF; in properties also `:` and `,`), and first escapes other control
/// characters for a terminal (``TerminalText``), so neither a message nor a property can end the command or start a new
/// one.
package enum GitHubCommandText {
    /// A command's message.
    package static func data(_ text: String) -> String {
        escape(text, property: false)
    }

    /// A command's property value (`file=`, `title=`).
    package static func property(_ text: String) -> String {
        escape(text, property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default:
                if TerminalText.needsEscape(scalar) {
                    out += TerminalText.escape(String(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
