import DockerIgnore

/// Why one path is or is not in the build context: `ctxtrim explain`'s answer, like `git check-ignore -v`.
package struct PathExplanation: Sendable, Equatable {
    /// The path as the user gave it.
    package var input: String
    /// The clean context-relative path that was evaluated, or nil when the input is outside the context.
    package var path: String?
    /// `MatchesOrParentMatches`: the documented rule (path or any ancestor).
    package var excluded = false
    /// BuildKit's walk: a regular file at `path` would be sent.
    package var sent = false
    /// The rule that decided `excluded`, if any line matched.
    package var rule: IgnoreRule?
    /// The directory where BuildKit's walk stops (pruned), if it does.
    package var prunedAt: String?
    /// A match-time error hit for this path (BuildKit would fail the build), or a path outside the context.
    package var error: String?

    /// Evaluates `input` (relative to the context root, or absolute inside it) against `rules`.
    package static func explain(_ input: String, rules: IgnoreRules, context: BuildContext) -> PathExplanation {
        var result = PathExplanation(input: input)
        guard let path = normalized(input, context: context) else {
            result.error = "path is outside the build context \(context.givenRoot)"
            return result
        }
        result.path = path
        guard path != "." else { return result }
        do {
            let verdict = try rules.matcher.excluded(path)
            result.excluded = verdict.excluded
            result.rule = verdict.decidingRule.map { rules.file.rules[$0] }
            let walk = try rules.matcher.sent(path)
            result.sent = walk.sent
            result.prunedAt = walk.prunedAt
        } catch {
            result.error = error.description
        }
        return result
    }

    /// A clean relative path: `./a//b/` → `a/b`; absolute paths inside the context are made relative.
    static func normalized(_ input: String, context: BuildContext) -> String? {
        var text = input
        if text.hasPrefix("/") {
            let root = context.root.hasSuffix("/") ? context.root : context.root + "/"
            let cleaned = BuildContext.lexicallyCleaned(text)
            if cleaned == context.root { return "." }
            guard cleaned.hasPrefix(root) else {
                // The context may have been given through a symlink.
                guard let relative = context.relativePath(of: cleaned) else { return nil }
                return relative
            }
            text = String(cleaned.dropFirst(root.count))
        }
        var parts: [Substring] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `{"path","excluded","sent","source","line","pattern"}` or `{"path","error"}`.
    package var json: JSONValue {
        if let error { return .object(path: input, ["error": .string(error)]) }
        var object: [String: JSONValue] = [
            "excluded": .bool(excluded), "sent": .bool(sent),
            "source": .string(rule?.source), "line": rule.map { .int($0.line) } ?? .null,
            "pattern": .string(rule?.displayPattern),
        ]
        if let prunedAt { object["prunedAt"] = .string(prunedAt) }
        return .object(path: input, object)
    }
}
