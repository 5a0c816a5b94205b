/// `ignore-unused-pattern`: an ignore-file line that took no effect on any entry of the context.
package struct UnusedPatternCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreUnusedPattern, title: "Unused ignore pattern",
        summary: "An ignore-file pattern matches nothing in the context.",
        defaultSeverity: .info,
        help: """
            Read from BuildKit's own walk: a pattern counts as used when it matched an entry (or an ancestor of \
            one) at the point of the file where Docker tests it. An exclusion is tested only while nothing earlier \
            excluded the path, an exception only while something did, so a line made redundant by other lines is \
            reported too (entries inside directories the walk skips are not decided, just as BuildKit prunes them). \
            Not reported: protective exclusions that keep out what should never be sent, before it exists (a \
            credential name such as `.env` or `*.pem`, `.git`, `node_modules`, build output, logs, editor junk, \
            `Dockerfile*`, compose files, CI settings, `*.md`), and lines `ignore-inline-comment` already \
            explains (`# ` after a pattern, `//` comments). Delete the line, or fix it if it was meant to \
            exclude something (patterns are anchored at the context root: `**/name` matches at any depth).
            """,
        family: .ignoreFile, subjects: [.ignoreFileLine],
        examples: [
            .ignore("`scratch/` with no such directory", triggers: true, "scratch/\n", paths: ["src/app.js"]),
            .ignore(
                "`!src/keep` when nothing excludes `src`", triggers: true, "*.md\n!src/keep\n",
                paths: ["README.md", "src/keep"]),
            .ignore("`docs` after `docs/`", triggers: true, "docs/\n**/docs\n", paths: ["docs/a.txt"]),
            .ignore(
                "`node_modules` beside `node_modules/`", triggers: false, "node_modules\n", paths: ["node_modules/"]),
            .ignore(
                "protective `.env`, `.git`, `node_modules`, `*.pem` with none of them", triggers: false,
                ".env\n.git\nnode_modules\n**/*.pem\n", paths: ["src/app.js"]),
            .ignore("a `//` comment line", triggers: false, "// build files\ndist\n", paths: ["dist/"]),
            .ignore(
                "`!README.md` re-including an excluded file", triggers: false, "*.md\n!README.md\n",
                paths: ["README.md", "CHANGELOG.md"]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let file = subject.ignoreFile, let usage = subject.ruleUsage, usage.ruleCount == file.rules.count else {
            return []
        }
        return file.rules.enumerated().compactMap { index, rule in
            guard !usage.matchedAnything(index), !ProtectivePattern.protects(rule),
                !InlineCommentCheck.misreadsComment(rule)
            else { return nil }
            let message =
                rule.isException
                ? """
                `\(rule.displayPattern)` re-includes nothing: no path that earlier lines exclude matches it. \
                Delete the line, or fix the path it should keep.
                """
                : """
                `\(rule.displayPattern)` has no effect on this context: it matches nothing, or only paths other \
                lines already exclude. Delete the line, or fix the pattern (use `**/` to match at any depth).
                """
            return finding(.ignoreFileLine(file.source, line: rule.line), message: message)
        }
    }
}
