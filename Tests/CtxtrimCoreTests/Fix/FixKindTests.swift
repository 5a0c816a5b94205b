import DockerIgnore
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// `fix` writes kinds, not instances: each proven against the walked tree, anchored so that ctxtrim's own lint has
/// nothing to say about them, and catching next week's files of the same kinds.
@Suite struct FixKindTests {
    static func fix(
        _ tree: TemporaryTree, strategy: FixStrategy = .deny, git: Bool = false, dryRun: Bool = false
    ) throws -> IgnoreFileFixer.Outcome {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = IgnoreFileFixer.Options()
        options.git = git
        options.dryRun = dryRun
        options.strategy = strategy
        return try IgnoreFileFixer(context: context, options: options).run()
    }

    /// The block's pattern lines (comments and markers left out).
    static func patterns(_ outcome: IgnoreFileFixer.Outcome) -> [String] {
        String(decoding: outcome.updated, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    static func sent(_ tree: TemporaryTree, _ path: String) throws -> Bool {
        let bytes = Array(try Data(contentsOf: tree.url.appendingPathComponent(".dockerignore")))
        return try IgnoreRules(bytes: bytes, source: ".dockerignore").matcher.sent(path).sent
    }

    /// A developer's machine after a while: swap and backup files, logs, dotenv files beside their template, a key
    /// beside a certificate, installed dependencies and caches in two places each.
    static func clutter(_ tree: TemporaryTree) throws {
        try tree.write("Dockerfile", "FROM python:3.12\nCOPY . /app\n")
        try tree.write("app/main.py", "print(1)\n")
        try tree.write("app/.main.py.swp", "swap")
        try tree.write("lib/.util.py.swp", "swap")
        try tree.write("notes.txt~", "backup")
        try tree.write("app/.DS_Store", "ds")
        try tree.write("server.log", "log\n")
        try tree.write("app/worker.log", "log\n")
        try tree.write(".env", "DATABASE_URL=postgres://u:p@db/app\n")
        try tree.write("web/.env.local", "TOKEN=local\n")
        try tree.write("web/.env.example", "TOKEN=\n")
        try tree.write("web/node_modules/left-pad/index.js", "module.exports = 1\n")
        try tree.write("tools/node_modules/x/index.js", "module.exports = 2\n")
        try tree.write("app/__pycache__/main.cpython-312.pyc", "pyc")
        try tree.write("lib/__pycache__/util.cpython-312.pyc", "pyc")
        try tree.write("certs/dev-key.pem", "-----BEGIN PRIVATE KEY-----\n")
        try tree.write("certs/ca.pem", "-----BEGIN CERTIFICATE-----\n")
    }

    @Test func eachGroupBecomesThePatternsOfItsKind() throws {
        let tree = try TemporaryTree("fix-kinds")
        try Self.clutter(tree)
        let outcome = try Self.fix(tree)
        let lines = Self.patterns(outcome)
        for kind in [
            "**/*.swp", "**/*~", "**/.DS_Store", "**/*.log", "**/.env", "**/.env.*", "!web/.env.example",
            "**/node_modules", "**/__pycache__", "**/*.pem", "!certs/ca.pem",
        ] {
            #expect(lines.contains(kind), "\(kind) missing from \(lines)")
        }
        // No instance is written when its kind is.
        #expect(!lines.contains { $0.contains(".main.py.swp") || $0.contains("dev-key") || $0.contains("left-pad") })
        #expect(try Self.sent(tree, "web/.env.example"))
        #expect(try Self.sent(tree, "certs/ca.pem"))
        #expect(try Self.sent(tree, "app/main.py"))
        #expect(outcome.plan.kindPatterns.contains("**/*.swp"))
        // A second run changes nothing.
        #expect(!(try Self.fix(tree).wrote))
    }

    /// The second round of clutter, planted after `fix` under new names and in new places, is kept out by what it
    /// wrote.
    @Test func filesOfTheSameKindsAddedLaterAreExcluded() throws {
        let tree = try TemporaryTree("fix-kinds-later")
        try Self.clutter(tree)
        _ = try Self.fix(tree)
        for path in [
            "deep/down/.handler.go.swp", "README.md~", "deep/.DS_Store", "var/cron.log", ".env.staging",
            "svc/api/.env", "svc/api/node_modules/a/index.js", "svc/api/__pycache__/x.pyc", "deploy/prod.pem",
        ] {
            try tree.write(path, "later")
            #expect(!(try Self.sent(tree, path)), "\(path) is sent after fix")
        }
    }

    /// ctxtrim's lint raises nothing about the lines ctxtrim wrote.
    @Test func theWrittenFileGivesItsOwnLintNothingToSay() throws {
        let tree = try TemporaryTree("fix-kinds-lint")
        try Self.clutter(tree)
        try tree.write("dist/bundle.js", "x")
        _ = try Self.fix(tree)
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = false
        options.suggestionRate = nil
        let report = try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options)
            .scan()
        let lint = report.findings.filter {
            [.ignoreRootOnlyName, .ignoreUnusedPattern, .ignoreWildcardException].contains($0.check)
        }
        #expect(lint.isEmpty, "\(lint.map(\.message))")
        #expect(Self.patterns(try Self.fix(tree, dryRun: true)).contains("**/dist"))
    }

    /// A kind that would reach a file the plan keeps is not written; the instances are, by path.
    @Test func aKindThatWouldReachAnUnflaggedDirectoryIsWrittenByPath() throws {
        let tree = try TemporaryTree("fix-kinds-narrow")
        try tree.write("Dockerfile", "FROM node:22\nCOPY . /app\n")
        try tree.write("dist/app.js", "x")
        // `tools/dist` is not flagged: git tracks a file in it.
        try tree.write("tools/dist/release.sh", "echo\n")
        try tree.write("deploy/.keep", "")
        let repository = try GitRepository.create(in: tree)
        try repository.add(["Dockerfile", "tools/dist/release.sh", "deploy/.keep"])
        try repository.commit()
        let outcome = try Self.fix(tree, git: true)
        let lines = Self.patterns(outcome)
        #expect(lines.contains("/dist"), "\(lines)")
        #expect(!lines.contains("**/dist"))
        #expect(try Self.sent(tree, "tools/dist/release.sh"))
    }

    /// Regression: with a whole-context `COPY . .`, fix excluded a git-tracked `.env` of public settings the build
    /// reads, and a tracked `settings.py` holding a token, so the build then ran without them.
    @Test func aWholeContextCopyKeepsEveryTrackedFileAndReportsATrackedCredential() throws {
        let tree = try TemporaryTree("fix-kinds-tracked")
        try tree.write("Dockerfile", "FROM node:22\nCOPY . .\nRUN npm run build\n")
        try tree.write(".env", "EXPO_PUBLIC_API_URL=https://api.example.org\n")
        try tree.write("app/settings.py", "KEY_ID = '\(ExampleSecrets.awsAccessKeyID)'\n")
        try tree.write("web/.env.local", "TOKEN=local\n")
        try tree.write("app/.settings.py.swp", "swap")
        let repository = try GitRepository.create(in: tree)
        try repository.add(["Dockerfile", ".env", "app/settings.py"])
        try repository.commit()

        let outcome = try Self.fix(tree, git: true)
        #expect(try Self.sent(tree, ".env"))
        #expect(try Self.sent(tree, "app/settings.py"))
        #expect(!(try Self.sent(tree, "web/.env.local")))
        #expect(!(try Self.sent(tree, "app/.settings.py.swp")))
        let problem = outcome.plan.problems.first { $0.path == "app/settings.py" }
        #expect(problem?.check == .secretCopied)
        #expect(problem?.message.contains("--mount=type=secret") == true)
        #expect(!(problem?.message.contains(ExampleSecrets.awsAccessKeyID) ?? true))
        #expect(outcome.plan.kept.contains { $0.path == ".env" && $0.sourceLine == 2 })

        // Opting in excludes the tracked credential files.
        let build = try Self.inputs(tree)
        let report = try ScanPipeline(build: build.inputs, options: build.options).run()[0]
        let plan = try FixPlanner.plan(
            report: report, analysis: build.inputs.analysis, strategy: .deny, excludeTrackedSecrets: true)
        let written = plan.groups.flatMap(\.patterns)
        #expect(written.contains("app/settings.py") || written.contains("**/settings.py"), "\(written)")
        #expect(plan.problems.isEmpty)
    }

    static func inputs(_ tree: TemporaryTree) throws -> (inputs: BuildInputs, options: ContextScanner.Options) {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.measureExcluded = false
        options.suggestionRate = nil
        let rules = try IgnoreRules(bytes: [], source: ".dockerignore")
        return (try BuildInputs.read(context: context, rules: rules, target: nil, options: options), options)
    }

    /// `auto` weighs both plans: the allow list where the builds copy a few paths, the deny list under `COPY . .`,
    /// and says why.
    @Test func autoChoosesByComparingAndSaysWhy() throws {
        let few = try TemporaryTree("fix-auto-allow")
        try few.write("Dockerfile", "FROM python:3.12\nCOPY requirements.txt .\nCOPY app ./app\n")
        try few.write("requirements.txt", "flask\n")
        try few.write("app/main.py", "print(1)\n")
        for name in ["README.md", "LICENSE", ".github/workflows/ci.yml", "docs/index.md", "Makefile"] {
            try few.write(name, "x\n")
        }
        // A real compose file: fix reads it to find the builds sharing the ignore file.
        try few.write("compose.yml", "services:\n  db:\n    image: postgres:16\n")
        let allow = try Self.fix(few, strategy: .auto, dryRun: true)
        #expect(allow.plan.strategy == .allow, "\(allow.plan.lines)")
        #expect(allow.plan.choice.contains("lines"))

        let all = try TemporaryTree("fix-auto-deny")
        try all.write("Dockerfile", "FROM python:3.12\nCOPY . /app\n")
        try all.write("app/main.py", "print(1)\n")
        try all.write("app/__pycache__/main.pyc", "x")
        let deny = try Self.fix(all, strategy: .auto, dryRun: true)
        #expect(deny.plan.strategy == .deny)
        #expect(deny.plan.choice.contains("whole context"))
        #expect(FixStrategy.default == .auto)
    }
}

/// Bulk: a large local file of a kind no needed or tracked file shares is excluded by kind; else by path.
@Suite struct FixBulkKindTests {
    static let big = String(repeating: "x", count: 11 << 20)

    @Test func aDumpNoOtherFileSharesBecomesItsKind() throws {
        let tree = try TemporaryTree("fix-bulk-kind")
        try tree.write("Dockerfile", "FROM postgres:16\nCOPY . /srv\n")
        try tree.write("schema.txt", "x")
        try tree.write("backup/prod.sql.gz", Self.big)
        try tree.write("dump.sql", Self.big)
        let lines = FixKindTests.patterns(try FixKindTests.fix(tree))
        #expect(lines.contains("**/*.sql"), "\(lines)")
        #expect(lines.contains("**/*.sql.gz"), "\(lines)")
        try tree.write("later/restore.sql", "small, but of the kind")
        #expect(!(try FixKindTests.sent(tree, "later/restore.sql")))
    }

    @Test func aDumpBesideCommittedMigrationsIsWrittenByPath() throws {
        let tree = try TemporaryTree("fix-bulk-path")
        try tree.write("Dockerfile", "FROM postgres:16\nCOPY . /srv\n")
        for index in 1...4 { try tree.write("db/migrations/00\(index).sql", "create table t\(index) ();\n") }
        let repository = try GitRepository.create(in: tree)
        try repository.add()
        try repository.commit()
        try tree.write("dump.sql", Self.big)
        let lines = FixKindTests.patterns(try FixKindTests.fix(tree, git: true))
        #expect(lines.contains("/dump.sql"), "\(lines)")
        #expect(!lines.contains("**/*.sql"))
        for index in 1...4 { #expect(try FixKindTests.sent(tree, "db/migrations/00\(index).sql")) }
    }
}
