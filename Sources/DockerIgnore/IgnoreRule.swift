import UntrustedText

/// One pattern line of an ignore file, with where it came from so a decision can be explained.
package struct IgnoreRule: Equatable, Sendable {
    /// Name of the ignore file, e.g. `.dockerignore`.
    package let source: String
    /// 1-based line number in that file.
    package let line: Int
    /// The line as written (after the BOM on line 1 and the line ending are removed; lossy UTF-8 decoding).
    package let rawText: String
    /// The pattern as Docker uses it: trimmed, `!` removed, `filepath.Clean`ed, one leading `/` dropped. Raw bytes.
    package let patternBytes: [UInt8]
    /// `true` for `!` lines, which re-include what earlier lines excluded.
    package let isException: Bool

    /// The pattern as text (invalid UTF-8 shown as U+FFFD).
    package var pattern: String { LosslessUTF8.decode(patternBytes) }

    /// The pattern as it appears in an ignore file, with `!` for exceptions.
    package var displayPattern: String { (isException ? "!" : "") + pattern }
}
