/// The shape of every error ctxtrim shows a user, as swift-nio's `FileSystemError` has it: a stable code, what is
/// wrong, what to do about it, and what lay underneath.
///
/// Each module has one conforming type with its own ``ErrorCode`` enum; the CLI prints any of them the same way
/// (`ctxtrim: error: <message> [<code>]`, then `  fix: <fix>` and `  cause: <cause>`) and exits with
/// ``ErrorKind/exitStatus`` of ``kind``. No part holds a Swift type name.
package protocol CtxtrimError: Error, CustomStringConvertible {
    associatedtype Code: ErrorCode

    /// Stable, namespaced, safe to match on: `dockerfile.invalid-mount`, `git.timeout`, `input.too-large`.
    var code: Code { get }
    /// What is wrong, naming the file (and line) involved where there is one. Not how to fix it: that is ``fix``.
    var message: String { get }
    /// What the user can do about it, or nil when there is nothing to suggest.
    var fix: String? { get }
    /// The failed system or library call, or the underlying error, when there is one.
    var cause: ErrorCause? { get }
    /// Whose problem it is, from which the exit status follows; by default the code's kind.
    var kind: ErrorKind { get }
}

extension CtxtrimError {
    package var kind: ErrorKind { code.kind }

    /// `message (cause); fix [code]`: the error on one line, for places that hold it as text (a JSON report's
    /// `build.error`, a diagnostic).
    package var description: String { oneLineText }

    /// ``description``'s text, for a conforming type that must declare `description` itself (one used from
    /// inlinable code, as the walker's error is).
    package var oneLineText: String {
        var text = message
        if let cause { text += " (\(cause))" }
        if let fix { text += "; \(fix)" }
        return text + " [\(code.rawValue)]"
    }
}

/// A module's stable error codes: raw values `area.kebab-case`, one area per module.
package protocol ErrorCode: RawRepresentable, Hashable, Sendable, CaseIterable where RawValue == String {
    /// The kind every error with this code has.
    var kind: ErrorKind { get }
}
