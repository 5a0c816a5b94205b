import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Each ecosystem's fixture (`Fixtures/rewrite/<name>`) is rewritten exactly as its golden file
/// (`Snapshots/rewrite-<name>.Dockerfile`), and the rewrite, written in place of the Dockerfile, passes ctxtrim's
/// own checks again from the outside: a full `check` scan raises none of the hints the rewrite exists to remove,
/// `fix` proves and writes an ignore file for it, and a second rewrite leaves it alone as multi-stage.
@Suite struct DockerfileRewriteGoldenTests {
    static let ecosystems: [(fixture: String, ecosystem: RewriteEcosystem)] = [
        ("go", .go), ("rust", .rust), ("maven", .maven), ("gradle", .gradle), ("node", .node), ("python", .python),
    ]

    static func context(_ tree: TemporaryTree) throws -> BuildContext {
        try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
    }

    static func rewrite(_ fixture: String) throws -> (TemporaryTree, DockerfileRewriter.Outcome) {
        let tree = try TemporaryTree("rewrite-\(fixture)")
        try tree.copyFixture("rewrite/\(fixture)")
        return (tree, try DockerfileRewriter(context: context(tree)).run())
    }

    @Test(arguments: ecosystems.map(\.fixture))
    func rewriteMatchesItsGoldenFile(_ fixture: String) throws {
        let (_, outcome) = try Self.rewrite(fixture)
        guard case .proposed(let rewrite) = outcome else {
            Issue.record("\(fixture) was left alone: \(outcome)")
            return
        }
        #expect(rewrite.ecosystem == Self.ecosystems.first { $0.fixture == fixture }?.ecosystem)
        #expect(rewrite.verified.count == 3)
        try Snapshot.expect(rewrite.text, matches: "rewrite-\(fixture).Dockerfile")
    }

    @Test(arguments: ecosystems.map(\.fixture))
    func rewritePassesCtxtrimsOwnChecks(_ fixture: String) throws {
        let (tree, outcome) = try Self.rewrite(fixture)
        guard case .proposed(let rewrite) = outcome else {
            Issue.record("\(fixture) was left alone: \(outcome)")
            return
        }
        _ = try tree.write("Dockerfile", rewrite.text)
        let context = try Self.context(tree)
        // Every check ctxtrim has, as `check` runs them: none of the rewrite's targets may be raised.
        var options = ContextScanner.Options()
        options.git = false
        options.threads = 2
        let report = try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options)
            .scan()
        let raised = Set(report.findings.map(\.check))
        for forbidden in RewriteVerifier.forbidden {
            #expect(!raised.contains(forbidden), "\(fixture): \(forbidden.rawValue)")
        }
        #expect(report.build?.error == nil)
        // `fix` proves its ignore file against the new Dockerfile with a second walk, and throws if a source is lost.
        var fixOptions = IgnoreFileFixer.Options()
        fixOptions.git = false
        fixOptions.findSharingBuilds = false
        let fixed = try IgnoreFileFixer(context: context, options: fixOptions).run()
        #expect(fixed.wrote || !fixed.changed)
        // Rewritten once: a second run leaves it alone.
        guard case .refused(let refusal) = try DockerfileRewriter(context: Self.context(tree)).run() else {
            Issue.record("\(fixture): the rewrite was rewritten again")
            return
        }
        #expect(refusal.kind == .alreadyMultiStage)
    }
}

/// The `single-stage-compiler-image` hint points at the rewrite that removes it.
@Suite struct SingleStageHintPointsAtRewriteTests {
    @Test func theHintNamesFixDockerfile() throws {
        let tree = try TemporaryTree("rewrite-hint")
        try tree.copyFixture("rewrite/go")
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = false
        let report = try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options)
            .scan()
        let hint = try #require(report.findings.first { $0.check == .singleStageCompilerImage })
        #expect(hint.message.contains("`ctxtrim fix --dockerfile` proposes the rewrite"))
        #expect(SingleStageCompilerImageCheck.descriptor.help.contains("ctxtrim fix --dockerfile"))
    }
}
