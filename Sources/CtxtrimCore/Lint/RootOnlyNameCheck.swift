import DockerIgnore

/// `ignore-root-only-name`: a bare name such as `node_modules`, which Docker matches only at the context root, while
/// entries of that name deeper in the tree are sent.
package struct RootOnlyNameCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ignoreRootOnlyName, title: "Root-only name in ignore file",
        summary: "A bare name in the ignore file matches only at the root while entries of that name deeper are sent.",
        defaultSeverity: .warning,
        help: """
            Unlike .gitignore, Docker anchors every pattern at the context root: `node_modules` excludes \
            `node_modules` and nothing below `packages/*/`. Reported for an exclusion without `/` or wildcard \
            when the walk sent entries of the same name deeper that git does not track (a tracked `build/` \
            directory of sources is deliberate). Write `**/node_modules` to match at any depth; write \
            `/node_modules` to say that only the root one is meant.
            """,
        family: .ignoreFile, subjects: [.ignoreFileLine],
        examples: [
            .ignore(
                "`node_modules` with `packages/api/node_modules/`", triggers: true, "node_modules\n",
                paths: ["node_modules/", "packages/api/node_modules/index.js"]),
            .ignore(".env with `config/.env`", triggers: true, ".env\n", paths: ["config/.env"]),
            .ignore(
                "`node_modules` only at the root", triggers: false, "node_modules\n",
                paths: ["node_modules/a.js", "src/app.js"]),
            .ignore(
                "`build` with a tracked `tools/build/`", triggers: false, "build\n",
                paths: ["build/out.o", "tools/build/make.sh"], tracked: ["tools/build"]),
            .ignore(
                "`/node_modules`, anchored on purpose", triggers: false, "/node_modules\n",
                paths: ["packages/api/node_modules/index.js"]),
            .ignore(
                "`**/node_modules`", triggers: false, "**/node_modules\n",
                paths: ["packages/api/node_modules/index.js"]),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let file = subject.ignoreFile, let nested = subject.nestedNames else { return [] }
        return file.rules.compactMap { rule in
            guard let name = Self.bareName(of: rule), let sighting = nested.sightings[name] else { return nil }
            let more =
                sighting.count == 1
                ? "`\(sighting.example)`" : "\(sighting.count) entries such as `\(sighting.example)`"
            return finding(
                .ignoreFileLine(file.source, line: rule.line),
                message: """
                    `\(rule.rawText.trimmingBlanks)` excludes only `\(name)` at the context root, but \(more) \
                    deeper would be sent: Docker anchors patterns at the root. Write `**/\(name)` to exclude them \
                    all, or `/\(name)` if only the root one is meant.
                    """)
        }
    }

    /// The name an exclusion rule matches only at the root: no `/` (a trailing one aside), no wildcard, not written
    /// with a leading `/`. Nil for any other rule.
    package static func bareName(of rule: IgnoreRule) -> String? {
        guard !rule.isException else { return nil }
        let pattern = rule.pattern
        guard !pattern.isEmpty, pattern != ".", pattern != "..", !pattern.contains("/"),
            !pattern.contains(where: { "*?[]\\".contains($0) }), !rule.rawText.trimmingBlanks.hasPrefix("/")
        else { return nil }
        return pattern
    }
}
