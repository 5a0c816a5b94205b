import CtxtrimErrors
import UntrustedText

/// An error reading an ignore file, building a matcher, or matching a path.
///
/// `dockerMessage` is the text Docker itself reports for the same problem, so callers can compare with BuildKit;
/// it is the error's ``cause``.
package struct IgnoreError: CtxtrimError, Equatable, Sendable {
    /// Stable identifiers of what went wrong.
    package enum Code: String, ErrorCode {
        /// A line is 64 KiB or longer (Go's `bufio.Scanner: token too long`).
        case lineTooLong = "ignore.line-too-long"
        /// `filepath.Match` rejects the pattern: the whole file is invalid.
        case invalidPattern = "ignore.invalid-pattern"
        /// A lone `!` (possibly `!/`): the whole file is invalid.
        case invalidExclusion = "ignore.invalid-exclusion"
        /// Go's regexp rejects the pattern when it is first evaluated for a path.
        case matchError = "ignore.match-error"

        package var kind: ErrorKind { .input }
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

    /// What happened, naming file, line and pattern.
    package var message: String {
        switch code {
        case .lineTooLong:
            "\(file):\(line): line is 64 KiB or longer"
        case .invalidPattern, .invalidExclusion:
            "\(file):\(line): invalid pattern \(Excerpt.quote(pattern))"
        case .matchError:
            "\(file):\(line): invalid pattern \(Excerpt.quote(pattern)) (Go's regexp rejects it when a path is checked)"
        }
    }

    package var fix: String? {
        switch code {
        case .lineTooLong: "split or shorten the line"
        case .invalidPattern: "close every `[` with `]` and do not end a pattern with `\\`"
        case .invalidExclusion: "write a path after `!` or remove the line"
        case .matchError: "escape the character or fix the range"
        }
    }

    /// Docker's own words for the problem.
    package var cause: ErrorCause? { .detail(dockerMessage) }
}
