import CtxtrimErrors
import UntrustedText

/// How the CLI shows an error on stderr, the same for every command and every error:
///
/// ```text
/// ctxtrim: error: <message> [<code>]
///   fix: <fix>
///   cause: <cause>
/// ```
///
/// The `fix` and `cause` lines appear only when the error has them. Every part is escaped with
/// ``TerminalText/escape(_:)``: messages quote paths and patterns from an untrusted tree, and none may start a line
/// or an escape sequence.
enum ErrorReport {
    static func text(_ error: any Error) -> String {
        guard let error = error as? any CtxtrimError else {
            return "ctxtrim: error: \(TerminalText.escape(String(describing: error)))\n"
        }
        var text = "ctxtrim: error: \(TerminalText.escape(error.message)) [\(error.code.rawValue)]\n"
        if let fix = error.fix { text += "  fix: \(TerminalText.escape(fix))\n" }
        if let cause = error.cause { text += "  cause: \(TerminalText.escape(cause.description))\n" }
        return text
    }
}
