import DockerIgnore

/// `ignore-wildcard-exception`: an exception with a wildcard, which turns off BuildKit's pruning of excluded
/// directories (docs/ignore-semantics.md §5).
package struct WildcardExceptionCheck: LintCheck {
    /// At most this many literal exceptions are suggested in place of a wildcard one.
    static let suggestedLiteralLimit = 3

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreWildcardException, title: "Wildcard exception turns off pruning",
        summary: "An exception with a wildcard makes every build walk into every excluded directory.",
        defaultSeverity: .warning,
        help: """
            BuildKit skips an excluded directory without reading it, unless some exception has `*`, `?`, `[`, `]`, \
            `^` or `\\` (a single trailing `/**` or `/*` aside): then it walks every excluded directory, \
            `node_modules` included, to look for entries the exception might re-include. Write literal \
            exceptions instead (`!build/keep.txt`, or `!docs/**`). When the walk shows the wildcard re-included \
            at most three entries, the message names the literal lines that replace it.
            """,
        family: .ignoreFile, subjects: [.ignoreFileLine],
        examples: [
            .ignore("`!**/keep`", triggers: true, "build\n!**/keep\n", paths: ["build/keep", "build/a.o"]),
            .ignore("`!*.md`", triggers: true, "*\n!*.md\n", paths: ["README.md"]),
            .ignore("`!src/keep`", triggers: false, "src\n!src/keep\n", paths: ["src/keep", "src/a.c"]),
            .ignore("`!docs/**` (a trailing `/**`)", triggers: false, "*\n!docs/**\n", paths: ["docs/a.md"]),
            .ignore("a wildcard exclusion `*.log`", triggers: false, "*.log\n", paths: ["a.log"]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let file = subject.ignoreFile else { return [] }
        return file.rules.enumerated().compactMap { index, rule in
            guard Self.disablesPruning(rule) else { return nil }
            return finding(
                .ignoreFileLine(file.source, line: rule.line),
                message: """
                    `\(rule.displayPattern)` has a wildcard, so BuildKit stops pruning excluded directories: every \
                    build walks into each of them (`node_modules` too) looking for entries to re-include. \
                    \(Self.suggestion(for: rule, usage: subject.ruleUsage, index: index))
                    """)
        }
    }

    /// Whether `rule` is an exception whose wildcard turns pruning off, decided by the ignore engine itself.
    package static func disablesPruning(_ rule: IgnoreRule) -> Bool {
        guard rule.isException, let alone = try? IgnoreMatcher(IgnoreFile(source: rule.source, rules: [rule])) else {
            return false
        }
        return !alone.pruningEnabled
    }

    private static func suggestion(for rule: IgnoreRule, usage: RuleUsage?, index: Int) -> String {
        let generic = "Name what it should keep with literal exceptions (a trailing `/**` is fine, as in `!docs/**`)."
        guard let usage, index < usage.ruleCount, let paths = usage.reincludedPaths(index) else { return generic }
        let outermost = outermostPaths(paths)
        if outermost.isEmpty { return "It re-includes nothing in this context: delete the line." }
        guard outermost.count <= suggestedLiteralLimit, outermost.allSatisfy(isLiteralSafe) else { return generic }
        let lines = outermost.map { "`!\($0)`" }.joined(separator: ", ")
        return outermost.count == 1
            ? "Here it re-includes only `\(outermost[0])`: write \(lines) instead."
            : "Here it re-includes only \(outermost.count) entries: write \(lines), each on its own line, instead."
    }

    /// Sorted paths without those below another path of the list.
    static func outermostPaths(_ sorted: [String]) -> [String] {
        var kept: [String] = []
        for path in sorted where !kept.contains(where: { path.hasPrefix($0 + "/") }) { kept.append(path) }
        return kept
    }

    /// Whether `path` written after `!` is a literal pattern that matches exactly that path.
    static func isLiteralSafe(_ path: String) -> Bool {
        !path.isEmpty && path.trimmingBlanks == path && !path.hasPrefix("#")
            && !path.contains(where: { "*?[]^\\".contains($0) })
    }
}
