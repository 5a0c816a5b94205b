import UntrustedText

/// An error reading an ignore file, building a matcher, or matching a path.
///
/// `dockerMessage` is the text Docker itself reports for the same problem, so callers can compare with BuildKit.
package struct IgnoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable identifiers of what went wrong.
    package enum Code: String, Sendable {
        /// A line is 64 KiB or longer (Go's `bufio.Scanner: token too long`).
        case lineTooLong
        /// `filepath.Match` rejects the pattern: the whole file is invalid.
        case invalidPattern
        /// A lone `!` (possibly `!/`): the whole file is invalid.
        case invalidExclusion
        /// Go's regexp rejects the pattern when it is first evaluated for a path.
        case matchError
    }

    package let code: Code
    /// Name of the ignore file, as given to `IgnoreFile.parse`.
    package let file: String
    /// 1-based line of the rule involved.
    package let line: Int
    /// The pattern involved (cleaned, with `!` for exceptions), empty for `lineTooLong`.
    package let pattern: String
    /// Docker's own error text: `syntax error in pattern`, `illegal exclusion pattern: "!"`, ...
    package let dockerMessage: String

    package var description: String { message }

    /// What happened and what to do about it, naming file, line and pattern.
    package var message: String {
        switch code {
        case .lineTooLong:
            return "\(file):\(line): line is 64 KiB or longer (\(dockerMessage)); split or shorten it"
        case .invalidPattern:
            return
                "\(file):\(line): invalid pattern \(Excerpt.quote(pattern)): \(dockerMessage); close every `[` with `]` and do not end a pattern with `\\`"
        case .invalidExclusion:
            return
                "\(file):\(line): invalid pattern \(Excerpt.quote(pattern)): \(dockerMessage); write a path after `!` or remove the line"
        case .matchError:
            return
                "\(file):\(line): invalid pattern \(Excerpt.quote(pattern)): \(dockerMessage) (Go's regexp rejects it when a path is checked); escape the character or fix the range"
        }
    }
}
