import DockerIgnore
import Testing

@testable import CtxtrimCore

/// Focused cases for the ignore-file lint, on real contexts and ignore files parsed by DockerIgnore.
@Suite struct IgnoreLintTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let ignoreFile: String
        let paths: [String]
        var tracked: [String] = []
        /// Lines of the ignore file expected to be reported, in order.
        let lines: [Int]
        var testDescription: String { label }
    }

    static func lint(_ check: CheckID, _ testCase: Case) throws -> [Finding] {
        var files = Dictionary(uniqueKeysWithValues: testCase.paths.map { ($0, "x") })
        files[".dockerignore"] = testCase.ignoreFile
        return try LintContext(files: files, tracked: testCase.tracked).findings([check])
    }

    static let rootOnlyCases: [Case] = [
        Case(
            label: "node_modules flagged when deeper ones exist", ignoreFile: "# deps\nnode_modules/\n",
            paths: ["node_modules/a.js", "web/node_modules/b.js"], lines: [2]),
        Case(
            label: "node_modules quiet when only at the root", ignoreFile: "node_modules\n",
            paths: ["node_modules/a.js", "web/src/a.js"], lines: []),
        Case(
            label: "a tracked build/ name is deliberate", ignoreFile: "build\n",
            paths: ["build/a.o", "scripts/build/run.sh"], tracked: ["scripts/build"], lines: []),
        Case(
            label: "an untracked deeper build/ is flagged", ignoreFile: "build\n",
            paths: ["build/a.o", "app/build/b.o"],
            lines: [1]),
        Case(
            label: "deeper entries already excluded by **/ are not sent", ignoreFile: "node_modules\n**/node_modules\n",
            paths: ["node_modules/a.js", "web/node_modules/b.js"], lines: []),
        Case(
            label: "deeper entries inside an excluded directory are not sent", ignoreFile: "node_modules\nvendor\n",
            paths: ["vendor/x/node_modules/a.js"], lines: []),
        Case(
            label: "exceptions and paths with / are not bare names",
            ignoreFile: "*\n!web/node_modules\n!node_modules\n",
            paths: ["web/node_modules/a.js"], lines: []),
    ]

    @Test(arguments: rootOnlyCases)
    func rootOnlyName(_ testCase: Case) throws {
        let findings = try Self.lint("ignore-root-only-name", testCase)
        #expect(findings.map(\.line) == testCase.lines.map { $0 })
        #expect(findings.allSatisfy { $0.path == ".dockerignore" && $0.message.contains("`**/") })
    }

    static let wildcardCases: [Case] = [
        Case(
            label: "!**/keep flagged", ignoreFile: "build\n!**/keep\n", paths: ["build/keep", "build/a.o"], lines: [2]),
        Case(
            label: "!src/keep not flagged", ignoreFile: "src\n!src/keep\n", paths: ["src/keep", "src/a.c"], lines: []),
        Case(label: "a trailing /** is not a wildcard", ignoreFile: "*\n!src/**\n", paths: ["src/a.c"], lines: []),
        Case(label: "a trailing /* is not a wildcard", ignoreFile: "*\n!src/*\n", paths: ["src/a.c"], lines: []),
        Case(
            label: "one wildcard before /** is", ignoreFile: "*\n!src/*/**\n!docs/?.md\n", paths: ["src/a/b.c"],
            lines: [2, 3]),
        Case(label: "a backslash escape counts", ignoreFile: "*\n!a\\*b\n", paths: ["a*b"], lines: [2]),
        Case(label: "wildcard exclusions are fine", ignoreFile: "**/*.log\n*.tmp\n", paths: ["a.log"], lines: []),
    ]

    @Test(arguments: wildcardCases)
    func wildcardException(_ testCase: Case) throws {
        let findings = try Self.lint("ignore-wildcard-exception", testCase)
        #expect(findings.map(\.line) == testCase.lines.map { $0 })
    }

    @Test func wildcardExceptionSuggestsTheLiteralLinesItReplaces() throws {
        let single = try Self.lint(
            "ignore-wildcard-exception",
            Case(
                label: "", ignoreFile: "build\n!**/keep\n",
                paths: ["build/keep/a.txt", "build/keep/b.txt", "build/x.o"],
                lines: []))
        #expect(single.first?.message.contains("write `!build/keep` instead") == true, "\(single)")

        let two = try Self.lint(
            "ignore-wildcard-exception",
            Case(label: "", ignoreFile: "*\n!*.md\n", paths: ["README.md", "CHANGELOG.md", "src/a.c"], lines: []))
        #expect(two.first?.message.contains("`!CHANGELOG.md`, `!README.md`") == true, "\(two)")

        let none = try Self.lint(
            "ignore-wildcard-exception",
            Case(label: "", ignoreFile: "build\n!**/keep\n", paths: ["build/a.o"], lines: []))
        #expect(none.first?.message.contains("re-includes nothing") == true, "\(none)")

        let many = try Self.lint(
            "ignore-wildcard-exception",
            Case(label: "", ignoreFile: "*\n!**/*.go\n", paths: ["a.go", "b/c.go", "d/e.go", "f/g.go"], lines: []))
        #expect(many.first?.message.contains("literal exceptions") == true, "\(many)")
    }

    static let inlineCommentCases: [(text: String, lines: [Int])] = [
        ("node_modules # deps\n", [1]),
        ("*.log\t# logs\n", [1]),
        ("!keep.txt # but keep this\n", [1]),
        ("   # indented\n", [1]),
        ("# comment\n#another\nnode_modules\n", []),
        ("a#b\nc #d\n", [2]),
    ]

    @Test(arguments: inlineCommentCases)
    func inlineComment(_ testCase: (text: String, lines: [Int])) throws {
        let findings = try Self.lint(
            "ignore-inline-comment", Case(label: "", ignoreFile: testCase.text, paths: [], lines: []))
        #expect(findings.map(\.line) == testCase.lines.map { $0 })
    }

    @Test func inlineCommentMessageNamesPatternAndComment() throws {
        let findings = try Self.lint(
            "ignore-inline-comment", Case(label: "", ignoreFile: "node_modules # deps\n", paths: [], lines: []))
        #expect(findings.first?.message.contains("Move `# deps` to its own line above `node_modules`") == true)
    }

    @Test func unusedPatternsAreAnchoredToTheirLines() throws {
        let findings = try Self.lint(
            "ignore-unused-pattern",
            Case(
                label: "", ignoreFile: "# header\n\nnode_modules\nscratch\n**/*.tmp\n!important.log\n",
                paths: ["node_modules/a.js", "src/x.tmp"], lines: []))
        #expect(findings.map(\.line) == [4, 6])
        #expect(findings.map(\.path) == [".dockerignore", ".dockerignore"])
        #expect(findings[1].message.contains("re-includes nothing"))
    }

    @Test func aLineMadeRedundantByAnEarlierOneIsUnused() throws {
        let findings = try Self.lint(
            "ignore-unused-pattern",
            Case(label: "", ignoreFile: "docs\n**/docs\n", paths: ["docs/a.txt"], lines: []))
        #expect(findings.map(\.line) == [2])
    }

    @Test func nestedIgnoreFilesAreListedSorted() throws {
        let context = try LintContext(files: [
            ".dockerignore": "*.log\n", "b/.dockerignore": "", "a/c/.dockerignore": "", "a/Dockerfile.dockerignore": "",
        ])
        let findings = try context.findings(["ignore-file-in-subdirectory"])
        #expect(findings.map(\.path) == ["a/c/.dockerignore", "b/.dockerignore"])
        #expect(findings[0].message.contains("prefixed with `a/c/`"))
    }

    @Test func shadowedFileNamesTheDockerfileSpecificOne() throws {
        let context = try LintContext(files: [
            ".dockerignore": "x\n", "docker/app.Dockerfile": "FROM alpine:3.20\n",
            "docker/app.Dockerfile.dockerignore": "y\n",
        ])
        let findings = try context.findings(
            ["ignore-file-shadowed"], dockerfile: context.directory.path + "/docker/app.Dockerfile")
        #expect(findings.map(\.path) == [".dockerignore"])
        #expect(findings.first?.message.contains("`docker/app.Dockerfile.dockerignore`") == true)
    }

    @Test func missingIgnoreFileSumsOutermostFlaggedBytesOnce() {
        let walk = [
            Finding(
                check: .dependencyDir, severity: .warning, subject: .directory("node_modules"), message: "",
                bytes: 1000, files: 10),
            Finding(
                check: .secretFile, severity: .error, subject: .file("node_modules/x/.env"), message: "", bytes: 20),
            Finding(check: .logFile, severity: .info, subject: .file("app.log"), message: "", bytes: 5),
            Finding(
                check: .ignoreUnusedPattern, severity: .info, subject: .ignoreFileLine(".dockerignore", line: 1),
                message: "", bytes: 7),
        ]
        let findings = LintRegistry.findings(
            for: LintSubject(ignoreFile: nil, walkFindings: walk), enabledIDs: ["ignore-file-missing"])
        #expect(findings.count == 1)
        #expect(findings.first?.bytes == 1005 && findings.first?.files == 11)
        let message = findings.first?.message ?? ""
        #expect(message.contains("including `node_modules/x/.env` (credentials, secret-file)"), "\(message)")
        #expect(message.contains("flagged 2 entries in all (1005 B; dependency-dir, log-file)"), "\(message)")
    }

    @Test func missingIgnoreFileNamesTheLargestEntryWhenNothingIsSecret() {
        let walk = [
            Finding(check: .logFile, severity: .info, subject: .file("app.log"), message: "", bytes: 5),
            Finding(
                check: .largeFile, severity: .warning, subject: .file("backup.sql"), message: "", bytes: 40 << 20),
            Finding(
                check: .dependencyDir, severity: .warning, subject: .directory("node_modules"), message: "",
                bytes: 120 << 20, files: 900),
        ]
        let findings = LintRegistry.findings(
            for: LintSubject(ignoreFile: nil, walkFindings: walk), enabledIDs: ["ignore-file-missing"])
        #expect(findings.map(\.severity) == [.warning])
        let message = findings.first?.message ?? ""
        #expect(message.contains("including `node_modules/` (120 MiB, dependency-dir)"), "\(message)")
        #expect(message.contains("flagged 3 entries in all (160 MiB; dependency-dir, log-file, large-file)"))
    }

    @Test func missingIgnoreFileSpeaksForUntrackedBulkOnlyWhenNothingElseIsFlagged() {
        let bulk = Finding(
            check: .untrackedBulk, severity: .warning, subject: .context, message: "", bytes: 3 << 20, files: 4)
        let alone = LintRegistry.findings(
            for: LintSubject(ignoreFile: nil, walkFindings: [bulk]), enabledIDs: ["ignore-file-missing"])
        #expect(alone.first?.message.contains("3.0 MiB of untracked and git-ignored files (untracked-bulk)") == true)
        let junk = Finding(check: .editorJunk, severity: .info, subject: .file(".DS_Store"), message: "", bytes: 6)
        let beside = LintRegistry.findings(
            for: LintSubject(ignoreFile: nil, walkFindings: [bulk, junk]), enabledIDs: ["ignore-file-missing"])
        #expect(beside.first?.message.contains("including `.DS_Store` (6 B, editor-junk).") == true)
        #expect(beside.first?.bytes == 6)
        #expect(LintRegistry.findings(for: LintSubject(ignoreFile: nil), enabledIDs: ["ignore-file-missing"]).isEmpty)
    }

    @Test func checksNeedingWalkFactsStayQuietWithoutThem() throws {
        let file = try IgnoreFile.parse(text: "node_modules\n*.log\n", source: ".dockerignore")
        let findings = LintRegistry.findings(for: LintSubject(ignoreFile: file))
        #expect(findings.isEmpty)
    }
}
