import Foundation
import TestSupport
import Testing

@testable import GitClassifier

/// Status capture under a time budget, and the trees libgit2 refuses.
@Suite struct GitStatusDeadlineTests {
    /// A committed repository with `depth` nested directories under `deep/` and one file at the bottom.
    static func repository(deepNesting depth: Int) throws -> TemporaryTree {
        let sandbox = try TemporaryTree("git-deadline")
        try GitRepository.create(in: sandbox)
        try sandbox.write("top.txt", "x\n")
        try GitRepository(at: sandbox.path).commitAll()
        try sandbox.write("deep/" + Array(repeating: "d", count: depth).joined(separator: "/") + "/f")
        return sandbox
    }

    @Test func libgit2RefusesAHundredLevelsOfNesting() throws {
        let sandbox = try Self.repository(deepNesting: 100)
        do {
            _ = try GitStatusSnapshot.capture(contextDirectory: sandbox.path(""))
            Issue.record("libgit2 1.5 was expected to refuse 100 nested directories")
        } catch {
            #expect(error.code == .status)
            #expect(error.libraryMessage?.contains("directory nesting too deep") == true, "\(error)")
        }
    }

    @Test func aGenerousBudgetGivesTheUnlimitedResult() throws {
        let sandbox = try Self.repository(deepNesting: 3)
        let unlimited = try #require(try GitStatusSnapshot.capture(contextDirectory: sandbox.path("")))
        let budgeted = try #require(
            try GitStatusSnapshot.capture(contextDirectory: sandbox.path(""), timeout: .seconds(600)))
        for path in ["top.txt", "deep", "deep/d/d/d/f"] {
            #expect(
                budgeted.classify(path: path, isDirectory: false) == unlimited.classify(path: path, isDirectory: false))
        }
        #expect(budgeted.classify(path: "deep/d/d/d/f", isDirectory: false) == .uniform(.untracked))
        #expect(budgeted.classify(path: "top.txt", isDirectory: false) == .uniform(.tracked))
    }

    @Test func anExpiredBudgetIsATimeout() throws {
        let sandbox = try Self.repository(deepNesting: 3)
        // 3,000 untracked files keep the capture busy for far longer than the waiter takes to see the deadline pass,
        // even on a loaded machine (a result that is ready when the waiter looks is returned, as it should be).
        for directory in 0..<30 {
            for file in 0..<100 { try sandbox.write("bulk/\(directory)/\(file).txt", "x\n") }
        }
        do {
            _ = try GitStatusSnapshot.capture(contextDirectory: sandbox.path(""), timeout: .nanoseconds(1))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .timedOut)
            #expect(error.description.hasPrefix("git status took longer than") && error.code.rawValue == "git.timeout")
        }
    }

    @Test func failuresArriveThroughTheCaptureThread() throws {
        let sandbox = try Self.repository(deepNesting: 100)
        #expect(throws: GitError.self) {
            _ = try GitStatusSnapshot.capture(contextDirectory: sandbox.path(""), timeout: .seconds(600))
        }
    }
}
