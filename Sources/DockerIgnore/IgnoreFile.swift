import UntrustedText

/// The rules of one ignore file, read exactly like `patternmatcher/ignorefile.ReadAll`.
package struct IgnoreFile: Equatable, Sendable {
    /// Longest line, in bytes including a trailing `\r`, that Go's `bufio.Scanner` accepts.
    package static let maximumLineLength = 64 * 1024 - 1

    /// Name of the file the rules were read from.
    package let source: String
    /// Pattern lines in file order; comments and blank lines are not kept.
    package let rules: [IgnoreRule]

    package init(source: String, rules: [IgnoreRule]) {
        self.source = source
        self.rules = rules
    }

    /// Reads ignore-file bytes: `bufio.ScanLines` splitting, BOM on line 1 only, `#` comments (first byte only),
    /// Unicode `TrimSpace`, `!` exceptions, `filepath.Clean` and one leading `/` dropped.
    package static func parse(bytes: [UInt8], source: String) throws(IgnoreError) -> IgnoreFile {
        var rules: [IgnoreRule] = []
        var lineNumber = 0
        var start = 0
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            if end - start > maximumLineLength {
                throw IgnoreError(
                    code: .lineTooLong, file: source, line: lineNumber, pattern: "",
                    dockerMessage: "bufio.Scanner: token too long")
            }
            var line = Array(bytes[start..<end])
            start = end + 1
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            if let rule = rule(from: line, number: lineNumber, source: source) { rules.append(rule) }
        }
        return IgnoreFile(source: source, rules: rules)
    }

    /// Reads ignore-file text; see `parse(bytes:source:)`.
    package static func parse(text: String, source: String) throws(IgnoreError) -> IgnoreFile {
        try parse(bytes: Array(text.utf8), source: source)
    }

    private static func rule(from line: [UInt8], number: Int, source: String) -> IgnoreRule? {
        if line.first == UInt8(ascii: "#") { return nil }
        var pattern = GoText.trimSpace(line)
        if pattern.isEmpty { return nil }
        var isException = false
        if pattern[0] == UInt8(ascii: "!") {
            isException = true
            pattern = GoText.trimSpace(Array(pattern.dropFirst()))
        }
        if !pattern.isEmpty {
            pattern = GoText.clean(pattern)
            if pattern.count > 1, pattern[0] == UInt8(ascii: "/") { pattern.removeFirst() }
        }
        return IgnoreRule(
            source: source, line: number, rawText: LosslessUTF8.decode(line),
            patternBytes: pattern, isException: isException)
    }
}
