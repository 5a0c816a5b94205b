import DockerIgnore
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Projects of each ecosystem (`Fixtures/fix-projects/<name>/tree`, committed to git at test time, then cluttered as
/// a developer's machine gets from `clutter.txt`): what `fix` writes with the default strategy equals the golden
/// `expected.dockerignore`, gives ctxtrim's lint nothing to say, keeps every source of every build, and a second
/// run changes nothing. `CTXTRIM_RECORD_SNAPSHOTS=1` re-records the golden files and fails.
@Suite struct FixGoldenProjectTests {
    struct Project: Sendable, CustomStringConvertible {
        var name: String
        /// The Dockerfiles built from the root context with the root ignore file; the first is the one fixed.
        var dockerfiles = ["Dockerfile"]
        var description: String { name }
    }

    static let projects = [
        Project(name: "node"), Project(name: "go"), Project(name: "rust"), Project(name: "java"),
        Project(name: "python"), Project(name: "dotnet"),
        Project(name: "monorepo", dockerfiles: ["services/api/Dockerfile", "services/web/Dockerfile"]),
    ]

    static func fixture(_ project: Project) -> URL {
        PackageRoot.fixtures.appendingPathComponent("fix-projects/\(project.name)")
    }

    /// The project committed, then its clutter (`path size` lines) written untracked.
    static func materialize(_ project: Project) throws -> TemporaryTree {
        let tree = try TemporaryTree("fix-golden-\(project.name)")
        try tree.copyFixture("fix-projects/\(project.name)/tree")
        let repository = try GitRepository.create(in: tree)
        try repository.add()
        try repository.commit()
        let clutter = try String(
            contentsOf: fixture(project).appendingPathComponent("clutter.txt"), encoding: .utf8)
        for line in clutter.split(separator: "\n") {
            let parts = line.split(separator: " ")
            try tree.write(String(parts[0]), String(repeating: "x", count: Int(parts[1])!))
        }
        return tree
    }

    static func context(_ tree: TemporaryTree, _ dockerfile: String) throws -> BuildContext {
        try BuildContext.resolve(
            context: tree.path, dockerfile: tree.path(dockerfile), ignoreFileOverride: nil)
    }

    /// Plans for the first Dockerfile with the others sharing the ignore file, as `fix` does, and writes the file
    /// after the fixer's proof walk (for one build) or the planner's block (for several).
    static func fix(_ tree: TemporaryTree, _ project: Project) throws -> (text: String, plan: FixPlan) {
        let context = try context(tree, project.dockerfiles[0])
        if project.dockerfiles.count == 1 {
            var options = IgnoreFileFixer.Options()
            options.strategy = .default
            let outcome = try IgnoreFileFixer(context: context, options: options).run()
            return (String(decoding: outcome.updated, as: UTF8.self), outcome.plan)
        }
        var options = ContextScanner.Options()
        options.measureExcluded = false
        options.suggestionRate = nil
        // The user's own lines: a block written by an earlier run is replaced, not read as theirs.
        let loaded = try IgnoreRules.load(for: context)
        let rules = try IgnoreRules(bytes: ManagedBlock.userBytes(loaded.bytes), source: ".dockerignore")
        let build = try BuildInputs.read(context: context, rules: rules, target: nil, options: options)
        let report = try ScanPipeline(build: build, options: options).run()[0]
        let others = try project.dockerfiles.dropFirst().map { dockerfile in
            try BuildInputs.read(
                context: try Self.context(tree, dockerfile), rules: rules, target: nil, options: options
            ).analysis!
        }
        let plan = try FixPlanner.plan(
            report: report, analysis: build.analysis, sharedWith: others, strategy: .default,
            userMatcher: rules.matcher, buildFiles: Set([".dockerignore"] + project.dockerfiles))
        let updated = ManagedBlock.merged(loaded.bytes, patterns: plan.lines)
        _ = try tree.write(".dockerignore", data: Data(updated))
        return (String(decoding: updated, as: UTF8.self), plan)
    }

    @Test(arguments: projects)
    func fixWritesTheGoldenIgnoreFile(project: Project) throws {
        let tree = try Self.materialize(project)
        let tracked = try GitRepository(at: tree.path).run(["ls-files"]).split(separator: "\n").map(String.init)
        let (text, plan) = try Self.fix(tree, project)

        let golden = Self.fixture(project).appendingPathComponent("expected.dockerignore")
        if ProcessInfo.processInfo.environment[Snapshot.recordVariable] == "1" {
            try Data(text.utf8).write(to: golden)
            Issue.record("re-recorded \(golden.path)")
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "\(project.name) (\(plan.strategy): \(plan.choice)):\n\(text)")

        // Every source of every build is still sent; under `COPY . .` every tracked file is.
        let matcher = try IgnoreRules(bytes: Array(text.utf8), source: ".dockerignore").matcher
        for dockerfile in project.dockerfiles {
            let build = try BuildInputs.read(
                context: try Self.context(tree, dockerfile),
                rules: try IgnoreRules(bytes: [], source: ".dockerignore"), target: nil, options: .init())
            let analysis = try #require(build.analysis)
            for source in analysis.explicitSources where !source.isWildcard {
                #expect(try matcher.sent(source.pattern).sent, "\(project.name): \(source.pattern) excluded")
            }
            if analysis.referencesEverything {
                for file in tracked where file != ".dockerignore" {
                    #expect(try matcher.sent(file).sent, "\(project.name): tracked \(file) excluded")
                }
            }
        }

        // ctxtrim's own lint has nothing to say about the file.
        let context = try Self.context(tree, project.dockerfiles[0])
        var options = ContextScanner.Options()
        options.suggestionRate = nil
        let report = try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options)
            .scan()
        let lint = report.findings.filter {
            [.ignoreRootOnlyName, .ignoreUnusedPattern, .ignoreWildcardException].contains($0.check)
        }
        #expect(lint.isEmpty, "\(project.name): \(lint.map(\.message))")

        // A second run writes the same file.
        #expect(try Self.fix(tree, project).text == text)
    }
}
