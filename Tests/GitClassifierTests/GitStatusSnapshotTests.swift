import Foundation
import TestSupport
import Testing

@testable import GitClassifier

/// Builds real repositories with the `git` CLI and compares the classifier with git for every file of the context.
@Suite struct GitStatusSnapshotTests {
    /// A repository with every kind of entry the brief lists, next to a repository `sub` used as its submodule.
    ///
    /// Layout of `main` (after the set-up): tracked, modified and staged files; untracked files and an untracked
    /// directory holding an ignored file; a nested `.gitignore`; an ignored directory; an ignored file in a tracked
    /// directory; a tracked file matching an ignore rule; a file removed from the index only; a nested non-submodule
    /// repository; a submodule with its own untracked and ignored files; a symlink.
    static func makeMainRepository() throws -> TemporaryTree {
        let sandbox = try TemporaryTree("git-main")
        try GitRepository.create(in: sandbox, "sub")
        try sandbox.write("sub/lib.c", "int f;\n")
        try sandbox.write("sub/.gitignore", "*.o\n")
        try GitRepository(at: sandbox.path("sub")).commitAll()

        try GitRepository.create(in: sandbox, "main")
        try sandbox.write("main/.gitignore", "*.log\nbuild/\n/secret.env\n")
        try sandbox.write("main/README.md", "x\n")
        try sandbox.write("main/app/main.swift", "x\n")
        try sandbox.write("main/app/modified.swift", "x\n")
        try sandbox.write("main/app/forced.log", "kept on purpose\n")
        try sandbox.write("main/app/removed-from-index.txt", "x\n")
        try sandbox.write("main/docs/.gitignore", "*.tmp\n!keep.tmp\n")
        try sandbox.write("main/docs/guide.md", "x\n")
        try sandbox.write("main/docs/keep.tmp", "x\n")
        try GitRepository(at: sandbox.path("main")).commitAll("initial")
        try GitRepository(at: sandbox.path("main")).run(["add", "-f", "app/forced.log"])
        try GitRepository(at: sandbox.path("main")).run(["commit", "-q", "-m", "force"])
        try GitRepository(at: sandbox.path("main")).run(["submodule", "add", "-q", "../sub", "vendor/sub"])
        try GitRepository(at: sandbox.path("main")).run(["commit", "-q", "-m", "submodule"])

        try sandbox.write("main/app/modified.swift", "changed\n")
        try sandbox.write("main/app/staged.swift", "x\n")
        try GitRepository(at: sandbox.path("main")).run(["add", "app/staged.swift"])
        try GitRepository(at: sandbox.path("main")).run(["rm", "-q", "--cached", "app/removed-from-index.txt"])
        try sandbox.write("main/app/untracked.swift", "x\n")
        try sandbox.write("main/app/debug.log", "x\n")
        try sandbox.write("main/secret.env", "x\n")
        try sandbox.write("main/build/out/app.bin", "x\n")
        try sandbox.write("main/build/report.txt", "x\n")
        try sandbox.write("main/docs/draft.tmp", "x\n")
        try sandbox.write("main/scratch/notes.txt", "x\n")
        try sandbox.write("main/scratch/deep/run.log", "x\n")
        try sandbox.write("main/vendor/sub/lib.o", "x\n")
        try sandbox.write("main/vendor/sub/new.c", "x\n")
        try GitRepository.create(in: sandbox, "main/nested")
        try sandbox.write("main/nested/inner.txt", "x\n")
        try sandbox.write("main/nested/inner.log", "x\n")
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.path("main/app/link"), withDestinationPath: "main.swift")
        return sandbox
    }

    @Test func wholeRepositoryMatchesGitForEveryFile() throws {
        let sandbox = try Self.makeMainRepository()
        let (snapshot, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main")
        #expect(snapshot.workTree == URL(fileURLWithPath: sandbox.path("main")).resolvingSymlinksInPath().path)
        #expect(classes["app/main.swift"] == .tracked)
        #expect(classes["app/modified.swift"] == .tracked)
        #expect(classes["app/staged.swift"] == .tracked)
        #expect(classes["app/forced.log"] == .tracked, "a tracked file matching an ignore rule stays tracked")
        #expect(classes["app/removed-from-index.txt"] == .untracked)
        #expect(classes["app/untracked.swift"] == .untracked)
        #expect(classes["app/link"] == .untracked)
        #expect(classes["app/debug.log"] == .ignored)
        #expect(classes["secret.env"] == .ignored)
        #expect(classes["build/out/app.bin"] == .ignored)
        #expect(classes["docs/draft.tmp"] == .ignored)
        #expect(classes["docs/keep.tmp"] == .tracked)
        #expect(classes["scratch/notes.txt"] == .untracked)
        #expect(classes["scratch/deep/run.log"] == .ignored, "an ignored file inside an untracked directory")
        #expect(classes["nested/inner.txt"] == .untracked)
        #expect(
            classes["nested/inner.log"] == .untracked, "git does not apply the outer rules inside a nested repository")
        #expect(classes["nested/.git/HEAD"] == .vcs)
        #expect(classes[".git/HEAD"] == .vcs)
        #expect(classes["vendor/sub/.git"] == .vcs)
        #expect(classes["vendor/sub/lib.c"] == .tracked)
        #expect(classes["vendor/sub/lib.o"] == .ignored)
        #expect(classes["vendor/sub/new.c"] == .untracked)
    }

    @Test func directoriesPropagateOneClassToTheirSubtree() throws {
        let sandbox = try Self.makeMainRepository()
        let snapshot = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("main")))
        #expect(snapshot.root == .mixed(unlisted: .tracked))
        #expect(snapshot.classify(path: "build", isDirectory: true, parent: snapshot.root) == .uniform(.ignored))
        #expect(snapshot.classify(path: ".git", isDirectory: true, parent: snapshot.root) == .uniform(.vcs))
        #expect(snapshot.classify(path: "nested", isDirectory: true, parent: snapshot.root) == .uniform(.untracked))
        #expect(snapshot.classify(path: "nested/.git", isDirectory: true) == .uniform(.vcs))
        #expect(snapshot.classify(path: "app", isDirectory: true) == .mixed(unlisted: .tracked))
        #expect(snapshot.classify(path: "scratch", isDirectory: true) == .mixed(unlisted: .tracked))
        #expect(snapshot.classify(path: "vendor/sub", isDirectory: true) == .mixed(unlisted: .tracked))
        #expect(
            snapshot.classify(path: "anything/below", isDirectory: false, parent: .uniform(.ignored))
                == .uniform(.ignored))
        #expect(snapshot.classify(path: "x/.git", isDirectory: false, parent: .uniform(.ignored)) == .uniform(.vcs))
    }

    @Test func listsSubmodulesWithPathsRelativeToTheWorkTree() throws {
        let sandbox = try Self.makeMainRepository()
        let snapshot = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("main/app")))
        #expect(snapshot.submodules.map(\.path) == ["vendor/sub"])
        #expect(snapshot.submodules.first?.name == "vendor/sub")
        #expect(snapshot.submodules.first?.url == "../sub")
        #expect(snapshot.submodules.first?.isCheckedOut == true)
    }

    @Test func contextInSubdirectoryMatchesGit() throws {
        let sandbox = try Self.makeMainRepository()
        let (snapshot, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main", contextPath: "app")
        #expect(classes["debug.log"] == .ignored)
        #expect(classes["forced.log"] == .tracked)
        #expect(snapshot.classify(path: "untracked.swift", isDirectory: false) == .uniform(.untracked))
    }

    @Test func contextInsideSubmoduleIsTheSubmodulesOwnRepository() throws {
        let sandbox = try Self.makeMainRepository()
        let (snapshot, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main/vendor/sub")
        #expect(snapshot.contextPath == "")
        #expect(classes["lib.o"] == .ignored)
        #expect(classes[".git"] == .vcs)
    }

    @Test func contextWithSubmoduleBelowMatchesGit() throws {
        let sandbox = try Self.makeMainRepository()
        let (_, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main", contextPath: "vendor")
        #expect(classes["sub/new.c"] == .untracked)
    }

    @Test func worktreeMatchesGit() throws {
        let sandbox = try Self.makeMainRepository()
        try GitRepository(at: sandbox.path("main")).run(["worktree", "add", "-q", "-b", "feature", "../feature"])
        try sandbox.write("feature/app/feature.swift", "x\n")
        try sandbox.write("feature/build/cache.bin", "x\n")
        let (snapshot, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "feature")
        #expect(snapshot.workTree == URL(fileURLWithPath: sandbox.path("feature")).resolvingSymlinksInPath().path)
        #expect(classes[".git"] == .vcs, "a worktree's .git is a file")
        #expect(classes["app/feature.swift"] == .untracked)
        #expect(classes["build/cache.bin"] == .ignored)
        #expect(classes["app/removed-from-index.txt"] == .tracked, "the worktree has its own index")
        #expect(snapshot.submodules.first?.isCheckedOut == false)
    }

    @Test func contextBelowAnIgnoredDirectoryMatchesGit() throws {
        let sandbox = try Self.makeMainRepository()
        try sandbox.write("main/build/out/kept.txt", "x\n")
        try GitRepository(at: sandbox.path("main")).run(["add", "-f", "build/out/kept.txt"])
        let (_, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main", contextPath: "build/out")
        #expect(classes["app.bin"] == .ignored)
        #expect(classes["kept.txt"] == .tracked)
    }

    @Test func contextBelowAnIgnoredDirectoryWithoutTrackedFilesIsIgnoredThroughout() throws {
        let sandbox = try Self.makeMainRepository()
        let (snapshot, classes) = try expectClassesMatchGit(
            sandbox: sandbox, workTree: "main", contextPath: "build/out")
        #expect(classes == ["app.bin": .ignored])
        #expect(snapshot.root == .uniform(.ignored))
    }

    @Test func untrackedFileBesideTrackedOneInIgnoredDirectoryIsIgnored() throws {
        let sandbox = try Self.makeMainRepository()
        try sandbox.write("main/build/kept.txt", "x\n")
        try GitRepository(at: sandbox.path("main")).run(["add", "-f", "build/kept.txt"])
        let (snapshot, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main")
        #expect(classes["build/kept.txt"] == .tracked)
        #expect(classes["build/report.txt"] == .ignored, "libgit2's status does not list it")
        #expect(classes["build/out/app.bin"] == .ignored)
        #expect(snapshot.classify(path: "build", isDirectory: true) == .mixed(unlisted: .ignored))
    }

    @Test func nestedRepositoryHoldingOnlyIgnoredFilesIsUntracked() throws {
        let sandbox = try Self.makeMainRepository()
        try GitRepository.create(in: sandbox, "main/tools/only-logs")
        try sandbox.write("main/tools/only-logs/run.log", "x\n")
        let (_, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main")
        #expect(classes["tools/only-logs/run.log"] == .untracked, "libgit2's status says ignored, git says untracked")
    }

    /// libgit2 1.5 (and 1.9, libgit2/libgit2#7284) drops a `!` rule in a nested `.gitignore` that re-includes what a
    /// parent `.gitignore` excludes; git applies it. The classifier uses libgit2's rules, so it follows libgit2 here.
    @Test func negationInNestedGitignoreIsLibgit2sRuleEngine() throws {
        let sandbox = try TemporaryTree("git-negation")
        try GitRepository.create(in: sandbox, "repo")
        try sandbox.write("repo/.gitignore", "*.log\n")
        try sandbox.write("repo/a/.gitignore", "!keep.log\n")
        try sandbox.write("repo/a/keep.log", "x\n")
        try sandbox.write("repo/a/other.log", "x\n")
        let expected = try ExpectedClasses(sandbox: sandbox, workTree: "repo")
        let snapshot = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("repo")))
        #expect(expected.gitClass(of: "a/keep.log") == .untracked)
        #expect(snapshot.classify(path: "a/other.log", isDirectory: false) == .uniform(.ignored))
        withKnownIssue("libgit2/libgit2#7284: negation in a nested .gitignore") {
            #expect(snapshot.classify(path: "a/keep.log", isDirectory: false) == .uniform(.untracked))
        }
    }

    @Test func contextThatIsAnIgnoredDirectoryIsIgnoredThroughout() throws {
        let sandbox = try Self.makeMainRepository()
        let (snapshot, classes) = try expectClassesMatchGit(sandbox: sandbox, workTree: "main", contextPath: "build")
        #expect(Set(classes.values) == [.ignored])
        #expect(snapshot.root == .uniform(.ignored))
    }

    @Test func contextInsideGitDirectoryIsVCS() throws {
        let sandbox = try Self.makeMainRepository()
        let snapshot = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("main/.git")))
        #expect(snapshot.root == .uniform(.vcs))
        #expect(snapshot.classify(path: "HEAD", isDirectory: false) == .uniform(.vcs))
    }

    @Test func directoryOutsideAnyRepositoryHasNoSnapshot() throws {
        // /tmp itself is not inside a repository on CI machines; guard against a developer's odd set-up.
        if try Repository.discover(containing: FileManager.default.temporaryDirectory.path) != nil { return }
        let sandbox = try TemporaryTree("git-norepo")
        try sandbox.write("plain/file.txt", "x\n")
        #expect(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("plain")) == nil)
    }

    @Test func bareRepositoryIsATypedError() throws {
        let sandbox = try TemporaryTree("git-bare")
        try sandbox.makeDirectory("bare.git")
        try GitRepository(at: sandbox.path("bare.git")).run(["init", "-q", "--bare"])
        #expect(throws: GitError.self) {
            _ = try GitStatusSnapshot.capture(contextDirectory: sandbox.path("bare.git"))
        }
        do {
            _ = try GitStatusSnapshot.capture(contextDirectory: sandbox.path("bare.git"))
        } catch {
            #expect(error.code == .bareRepository)
            #expect(error.code.rawValue == "git.bare-repository")
        }
    }

    @Test func cleanRepositoryIsUniformlyTracked() throws {
        let sandbox = try TemporaryTree("git-clean")
        try GitRepository.create(in: sandbox, "repo")
        try sandbox.write("repo/a/b.txt", "x\n")
        try GitRepository(at: sandbox.path("repo")).commitAll()
        let (snapshot, _) = try expectClassesMatchGit(sandbox: sandbox, workTree: "repo")
        #expect(snapshot.root == .uniform(.tracked))
    }

    @Test func classifiesFromTwoThreadsAtOnce() async throws {
        let sandbox = try Self.makeMainRepository()
        let snapshot = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("main")))
        let serial = try TreeWalk.classify(root: sandbox.path("main"), snapshot: snapshot)
        let paths = serial.keys.sorted()
        let results = await withTaskGroup(of: [String: GitClassification].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    Dictionary(
                        uniqueKeysWithValues: paths.map { ($0, snapshot.classify(path: $0, isDirectory: false)) })
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == serial })
    }
}

@Suite struct TrackedDirectoryTests {
    @Test func knowsWhichDirectoriesHoldTrackedFilesWithinTheContext() throws {
        let sandbox = try TemporaryTree("git-tracked-dirs")
        try GitRepository.create(in: sandbox)
        try sandbox.write("app/build/scripts/release.sh", "x\n")
        try sandbox.write("app/src/main.c", "x\n")
        try sandbox.write("app/dist/bundle.js", "x\n")
        try sandbox.write(".gitignore", "dist/\n")
        try GitRepository(at: sandbox.path).run(["add", "app/build", "app/src", ".gitignore"])
        try GitRepository(at: sandbox.path).commitAll()
        try sandbox.write("app/out/x.o", "x\n")

        let snapshot = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("app")))
        #expect(snapshot.holdsTrackedFiles(directory: "build"))
        #expect(snapshot.holdsTrackedFiles(directory: "build/scripts"))
        #expect(snapshot.holdsTrackedFiles(directory: "src"))
        #expect(!snapshot.holdsTrackedFiles(directory: "dist"))
        #expect(!snapshot.holdsTrackedFiles(directory: "out"))
        #expect(!snapshot.holdsTrackedFiles(directory: "app"))
    }
}
