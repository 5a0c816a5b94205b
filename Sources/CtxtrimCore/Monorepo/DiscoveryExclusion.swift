import DockerIgnore

/// Which files `--all` does not take builds from: directories of test data (parser fixtures, golden files) and of
/// templates that a generator fills in (`{{ ... }}` lines docker build refuses), unless
/// `discovery.test-data: include`, and the `discovery.exclude` globs of the root's `.ctxtrim.yml`. Paths are relative
/// to the repository root and matched as `.dockerignore` lines match (a directory's pattern covers what is inside).
package struct DiscoveryExclusion: Sendable {
    /// Directory names that hold test data or templates in the ecosystems ctxtrim meets (Go's `testdata`,
    /// JavaScript's `__fixtures__`, SwiftPM's `Fixtures`, BuildKit's parser `testfiles` and `testfiles-negative`,
    /// dotnet-docker's `eng/dockerfile-templates`, cookiecutter's `templates`, ...).
    package static let testDataPatterns = [
        "**/testdata", "**/test-data", "**/test_data", "**/fixtures", "**/Fixtures", "**/__fixtures__", "**/testfile*",
        "**/test-fixtures", "**/__snapshots__", "**/templates", "**/*-templates",
    ]

    /// Why one found file was left out.
    package struct Skip: Sendable, Equatable {
        /// The pattern that matched, as written.
        package var pattern: String
        /// True for a built-in test-data pattern, false for the config's `discovery.exclude`.
        package var isTestData: Bool
        /// The config line of an `exclude` pattern.
        package var line: Int?
    }

    private let rules: [(skip: Skip, matcher: IgnoreMatcher)]

    /// - Throws: `IgnoreError` for a glob that does not compile (the config reader has checked them already).
    package init(settings: CtxtrimConfig.DiscoverySettings, source: String) throws(IgnoreError) {
        var rules: [(Skip, IgnoreMatcher)] = []
        if settings.skipsTestData {
            for pattern in Self.testDataPatterns {
                let file = try IgnoreFile.parse(text: pattern, source: "built-in")
                rules.append((Skip(pattern: pattern, isTestData: true), try IgnoreMatcher(file)))
            }
        }
        for pattern in settings.exclude {
            let file = try IgnoreFile.parse(text: pattern.glob, source: source)
            rules.append((Skip(pattern: pattern.glob, isTestData: false, line: pattern.line), try IgnoreMatcher(file)))
        }
        self.rules = rules
    }

    /// The first rule that leaves `path` out, or nil when discovery keeps it.
    package func skip(_ path: String) throws(IgnoreError) -> Skip? {
        for rule in rules where try rule.matcher.excluded(path).excluded { return rule.skip }
        return nil
    }
}
