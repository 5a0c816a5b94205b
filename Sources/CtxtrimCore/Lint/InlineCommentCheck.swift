import DockerIgnore

/// `ignore-inline-comment`: a comment Docker reads as a pattern: `#` after a pattern or after indentation, or a line
/// written as a comment of another language (`//`, `;`).
package struct InlineCommentCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreInlineComment, title: "Inline comment in ignore file",
        summary: "An ignore-file line holds a comment that Docker reads as a pattern.",
        defaultSeverity: .warning,
        help: """
            Docker treats a line as a comment only when `#` is its very first byte; there are no inline comments. \
            `node_modules # deps` is the pattern `node_modules # deps`, which matches nothing, and an indented \
            `  # note` is the pattern `# note`, and `// build files` is a pattern too. Reported when a space or \
            tab is followed by `#`, and for lines starting with `//` or `;`. Move the comment to a line of its \
            own, starting with `#`.
            """,
        family: .ignoreFile, subjects: [.ignoreFileLine],
        examples: [
            .ignore("`node_modules # deps`", triggers: true, "node_modules # deps\n", paths: ["node_modules/"]),
            .ignore("a tab before `#`", triggers: true, "*.log\t# logs\n"),
            .ignore("an indented comment", triggers: true, "  # generated files\ndist\n"),
            .ignore("a `//` comment", triggers: true, "// dependencies\nnode_modules\n", paths: ["node_modules/"]),
            .ignore("a comment on its own line", triggers: false, "# deps\nnode_modules\n", paths: ["node_modules/"]),
            .ignore("`#` inside a name", triggers: false, "notes#1.txt\n"),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let file = subject.ignoreFile else { return [] }
        return file.rules.compactMap { rule in
            let text = rule.rawText.trimmingBlanks
            if let marker = Self.foreignCommentMarkers.first(where: { text.hasPrefix($0) }) {
                return finding(
                    .ignoreFileLine(file.source, line: rule.line),
                    message: """
                        `\(text)` is not a comment: Docker reads every line as a pattern unless it starts with `#`, \
                        so this line is a pattern, not a note (`\(marker)` is no comment marker there). Start it with `#` \
                        instead.
                        """)
            }
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

    /// Comment markers of other languages that people write in ignore files.
    static let foreignCommentMarkers = ["//", ";"]

    /// Whether this check explains `rule` as a comment Docker misreads, so no other check reports the line.
    static func misreadsComment(_ rule: IgnoreRule) -> Bool {
        let text = rule.rawText.trimmingBlanks
        return foreignCommentMarkers.contains(where: { text.hasPrefix($0) }) || commentStart(in: rule.rawText) != nil
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
