/// `ignore-inline-comment`: a `#` after a pattern (or after indentation), which Docker reads as part of the pattern.
package struct InlineCommentCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreInlineComment, title: "Inline comment in ignore file",
        summary: "An ignore-file line has a `#` comment after the pattern, which Docker reads as part of it.",
        defaultSeverity: .warning,
        help: """
            Docker treats a line as a comment only when `#` is its very first byte; there are no inline comments. \
            `node_modules # deps` is the pattern `node_modules # deps`, which matches nothing, and an indented \
            `  # note` is the pattern `# note`. Reported when a space or tab is followed by `#`. Move the comment \
            to a line of its own, starting with `#`.
            """,
        family: .ignoreFile, subjects: [.ignoreFileLine],
        examples: [
            .ignore("`node_modules # deps`", triggers: true, "node_modules # deps\n", paths: ["node_modules/"]),
            .ignore("a tab before `#`", triggers: true, "*.log\t# logs\n"),
            .ignore("an indented comment", triggers: true, "  # generated files\ndist\n"),
            .ignore("a comment on its own line", triggers: false, "# deps\nnode_modules\n", paths: ["node_modules/"]),
            .ignore("`#` inside a name", triggers: false, "notes#1.txt\n"),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let file = subject.ignoreFile else { return [] }
        return file.rules.compactMap { rule in
            guard let split = Self.commentStart(in: rule.rawText) else { return nil }
            let pattern = rule.rawText[..<split].trimmingBlanks
            let comment = rule.rawText[split...].trimmingBlanks
            let message =
                pattern.isEmpty
                ? """
                `\(rule.rawText.trimmingBlanks)` is not a comment: Docker reads it as a pattern because the line \
                does not start with `#`. Remove the indentation.
                """
                : """
                `\(rule.rawText)` is one pattern, comment included, so it never matches `\(pattern)`: Docker has \
                no inline comments. Move `\(comment)` to its own line above `\(pattern)`.
                """
            return finding(.ignoreFileLine(file.source, line: rule.line), message: message)
        }
    }

    /// The index of the first `#` preceded by a space or tab.
    static func commentStart(in text: String) -> String.Index? {
        var previous: Character? = nil
        for index in text.indices {
            let character = text[index]
            if character == "#", previous == " " || previous == "\t" { return index }
            previous = character
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
