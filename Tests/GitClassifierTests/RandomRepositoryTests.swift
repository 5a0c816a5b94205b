import Foundation
import TestSupport
import Testing

@testable import GitClassifier

/// Property: on random trees with random ignore rules, index contents and edits, the classifier agrees with the `git`
/// CLI for every file of the context, whichever directory the context is.
///
/// The nested `a/.gitignore` gets no `!` rules: libgit2 drops a negation that re-includes what a parent directory's
/// `.gitignore` excludes (see `GitStatusSnapshotTests.negationInNestedGitignoreIsLibgit2sRuleEngine`).
@Suite struct RandomRepositoryTests {
    static let directories = ["", "a", "a/b", "a/b/c", "d", "d/e", "logs", "gen/out", ".hidden"]
    static let names = ["f.txt", "g.log", "h.tmp", "keep.log", ".env", "x1.c", "x2.o", "README"]
    static let rules = [
        "*.log", "!keep.log", "/d/*", "!/d/e/", "gen/", "*.tmp", "a/**/x*", "logs/", ".env", "*.o", "b/", "!b/c/",
        "/README", "e/*.c",
    ]

    @Test(arguments: TestSeeds.list([1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597]))
    func classifierAgreesWithGit(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let note = "seed \(seed): "
        let sandbox = try TemporaryTree("git-random-\(seed)")
        try GitRepository.create(in: sandbox, "repo")

        func randomFiles(_ count: Int) -> [String] {
            (0..<count).map { _ in
                let directory = Self.directories.randomElement(using: &random)!
                let name = Self.names.randomElement(using: &random)!
                return directory.isEmpty ? name : directory + "/" + name
            }
        }
        func randomRules(negations: Bool) -> String {
            Self.rules.filter { rule in
                Int.random(in: 0..<3, using: &random) == 0 && (negations || !rule.hasPrefix("!"))
            }.joined(separator: "\n") + "\n"
        }

        let committed = Set(randomFiles(Int.random(in: 5...20, using: &random)))
        for path in committed { try sandbox.write("repo/" + path, "v1 \(path)\n") }
        try GitRepository(at: sandbox.path("repo")).run(["add", "-f", "--"] + committed.sorted())
        try GitRepository(at: sandbox.path("repo")).run(["commit", "-q", "-m", "seed \(seed)"])

        try sandbox.write("repo/.gitignore", randomRules(negations: true))
        if Bool.random(using: &random) { try sandbox.write("repo/a/.gitignore", randomRules(negations: false)) }
        for path in committed where Int.random(in: 0..<4, using: &random) == 0 {
            try sandbox.write("repo/" + path, "v2\n")
        }
        for path in committed.sorted() where Int.random(in: 0..<6, using: &random) == 0 {
            try GitRepository(at: sandbox.path("repo")).run(["rm", "-q", "--cached", "--", path])
        }
        let added = randomFiles(Int.random(in: 5...25, using: &random))
        for path in added { try sandbox.write("repo/" + path, "new\n") }
        if let staged = added.randomElement(using: &random) {
            try GitRepository(at: sandbox.path("repo")).run(["add", "-f", "--", staged])
        }
        if Bool.random(using: &random) {
            try GitRepository.create(in: sandbox, "repo/d/inner")
            try sandbox.write("repo/d/inner/file.log", "x\n")
        }

        var contexts = [""]
        for directory in Self.directories where !directory.isEmpty {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.path("repo/" + directory))) ?? []
            if !files.isEmpty { contexts.append(directory) }
        }
        let contextPath = contexts.randomElement(using: &random)!
        try expectClassesMatchGit(sandbox: sandbox, workTree: "repo", contextPath: contextPath, note: note)
        if !contextPath.isEmpty {
            try expectClassesMatchGit(sandbox: sandbox, workTree: "repo", note: note)
        }
        try expectRebasedEqualsCaptured(sandbox: sandbox, contexts: contexts, note: note)
    }

    /// `--all` captures the repository once and rebases the snapshot to each build context: every entry of every
    /// context must be classified as a capture of that context classifies it.
    func expectRebasedEqualsCaptured(sandbox: TemporaryTree, contexts: [String], note: String) throws {
        let whole = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("repo")))
        for context in contexts where !context.isEmpty {
            let direct = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("repo/" + context)))
            let rebased = whole.rebased(to: context)
            #expect(rebased.root == direct.root, "\(note)\(context) root")
            #expect(rebased.contextPath == direct.contextPath, "\(note)\(context)")
            let base = sandbox.path("repo/" + context)
            let paths = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
            for path in paths where !path.split(separator: "/").contains(".git") {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
                let directory = isDirectory.boolValue
                #expect(
                    rebased.classify(path: path, isDirectory: directory)
                        == direct.classify(path: path, isDirectory: directory), "\(note)\(context)/\(path)")
                if directory {
                    #expect(
                        rebased.holdsTrackedFiles(directory: path) == direct.holdsTrackedFiles(directory: path),
                        "\(note)\(context)/\(path) tracked")
                }
            }
        }
    }
}
