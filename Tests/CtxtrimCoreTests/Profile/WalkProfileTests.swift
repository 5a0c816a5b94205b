import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// `scan --profile` on trees made here, where every count is known: per top-level directory, per rule, and the
/// directories a wildcard exception keeps BuildKit from pruning. Times are only checked to be sane, never for value.
@Suite struct WalkProfileTests {
    /// `src` (sent), `node_modules` (excluded, one file re-included by the exception), `build` (excluded), and the
    /// two top-level files.
    static func makeTree(ignore: String) throws -> TemporaryTree {
        let tree = try TemporaryTree("profile")
        _ = try tree.write("Dockerfile", "FROM scratch\nCOPY . /\n")
        _ = try tree.write(".dockerignore", ignore)
        _ = try tree.write("src/a.c", "a")
        _ = try tree.write("src/b.c", "b")
        _ = try tree.write("node_modules/x/keep", "k")
        _ = try tree.write("node_modules/x/y.js", "yy")
        _ = try tree.write("node_modules/z.js", "zzz")
        _ = try tree.write("build/out.o", "oooo")
        _ = try tree.write("build/deep/o2.o", "55555")
        return tree
    }

    static func scan(_ tree: TemporaryTree, profile: Bool = true, threads: Int = 2) throws -> ScanReport {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = false
        options.threads = threads
        options.profile = profile
        return try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options).scan()
    }

    static func row(_ profile: WalkProfile, _ path: String) -> WalkProfile.Entries? {
        profile.topDirectories.first { $0.path == path }?.entries
    }

    @Test(arguments: [1, 2, 4])
    func wildcardExceptionCountsEveryEntryAndNamesTheUnprunableDirectories(threads: Int) throws {
        let tree = try Self.makeTree(ignore: "node_modules\nbuild\n!**/keep\n")
        let profile = try #require(try Self.scan(tree, threads: threads).profile)

        #expect(Self.row(profile, "src") == WalkProfile.Entries(walked: 3, sent: 3))
        // node_modules, x, keep, y.js, z.js; sent: keep and the two directories holding it.
        #expect(Self.row(profile, "node_modules") == WalkProfile.Entries(walked: 5, sent: 3))
        #expect(Self.row(profile, "build") == WalkProfile.Entries(walked: 4, sent: 0))
        #expect(Self.row(profile, WalkProfile.TopDirectory.topFilesPath) == WalkProfile.Entries(walked: 2, sent: 2))
        #expect(profile.entries == WalkProfile.Entries(walked: 14, sent: 8))
        #expect(profile.entries.walkedNotSent == 6)

        let rules = profile.rules.map { [$0.line, $0.matched, $0.decided, $0.walkedNotSent] }
        #expect(rules == [[1, 5, 4, 2], [2, 4, 4, 4], [3, 1, 1, 0]])
        #expect(profile.rules.map(\.isException) == [false, false, true])

        #expect(profile.unprunable.map(\.path) == ["node_modules", "build"])
        let modules = try #require(profile.unprunable.first)
        #expect(modules.rules == [WalkProfile.RuleReference(file: ".dockerignore", line: 3, pattern: "!**/keep")])
        #expect([modules.entries, modules.sent, modules.savingEntries] == [4, 2, 2] as [Int])
        #expect(modules.bytes == 6)
        let build = profile.unprunable[1]
        #expect([build.entries, build.sent, build.savingEntries] == [3, 0, 3] as [Int])
        #expect(build.bytes == 9)

        Self.expectSaneTimes(profile, threads: threads)
    }

    @Test func literalExceptionLeavesNothingUnprunable() throws {
        let tree = try Self.makeTree(ignore: "node_modules\nbuild\n!node_modules/x/keep\n")
        let profile = try #require(try Self.scan(tree).profile)
        #expect(profile.unprunable.isEmpty)
        // BuildKit prunes build/: only the directory itself is walked, what ctxtrim measures inside is not counted.
        #expect(Self.row(profile, "build") == WalkProfile.Entries(walked: 1, sent: 0))
        #expect(Self.row(profile, "node_modules") == WalkProfile.Entries(walked: 5, sent: 3))
        #expect(profile.entries == WalkProfile.Entries(walked: 11, sent: 8))
        let rules = profile.rules.map { [$0.line, $0.matched, $0.decided, $0.walkedNotSent] }
        #expect(rules == [[1, 5, 4, 2], [2, 1, 1, 1], [3, 1, 1, 0]])
        Self.expectSaneTimes(profile, threads: 2)
    }

    @Test func topCutsTheDirectoryAndUnprunableLists() throws {
        let tree = try Self.makeTree(ignore: "node_modules\nbuild\n!**/keep\n")
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = false
        options.profile = true
        options.top = 1
        let report = try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options)
            .scan()
        let profile = try #require(report.profile)
        #expect(profile.topDirectories.count == 1)
        #expect(profile.unprunable.map(\.path) == ["node_modules"])
        #expect(profile.rules.count == 3)
    }

    @Test func jsonCarriesTheProfileOnlyWhenAsked() throws {
        let tree = try Self.makeTree(ignore: "node_modules\nbuild\n!**/keep\n")
        guard case .object(let plain) = try Self.scan(tree, profile: false).json else {
            Issue.record("the report is not an object")
            return
        }
        #expect(plain["profile"] == nil)
        let report = try Self.scan(tree)
        guard case .object(let document) = report.json, case .object(let profile)? = document["profile"] else {
            Issue.record("no profile object")
            return
        }
        #expect(
            Set(profile.keys)
                == ["walkSeconds", "threads", "measuringSeconds", "entries", "topDirectories", "rules", "unprunable"])
        #expect(
            profile["entries"]
                == .object(["walked": .int(Int64(14)), "sent": .int(Int64(8)), "walkedNotSent": .int(Int64(6))]))
        guard case .array(let unprunable)? = profile["unprunable"], case .object(let first)? = unprunable.first else {
            Issue.record("no unprunable directories")
            return
        }
        #expect(first["path"] == .string("node_modules"))
        #expect(first["saving"] == .object(["entries": .int(Int64(2))]))
        #expect(report.text(style: TextStyle(color: false)).contains("Profile  walked 14 entries"))
    }

    /// The profile key validates against `schemas/scan-report.schema.json`, and the schema rejects a wrong one.
    @Test func profileJSONValidatesAgainstTheSchema() throws {
        let tree = try Self.makeTree(ignore: "node_modules\nbuild\n!**/keep\n")
        let text = try Self.scan(tree).json.rendered()
        let validator = try JSONSchemaValidator(schema: ReporterFixtures.scanReportSchema())
        #expect(validator.errors(in: try JSONText.parse(text)) == [])
        let broken = text.replacingOccurrences(of: #""walkedNotSent": 6"#, with: #""walkedNotSent": -6"#)
        #expect(broken != text)
        #expect(!validator.errors(in: try JSONText.parse(broken)).isEmpty)
    }

    static func expectSaneTimes(_ profile: WalkProfile, threads: Int) {
        #expect(profile.walkSeconds > 0)
        #expect(profile.measuringSeconds >= 0)
        #expect(profile.topDirectories.allSatisfy { $0.seconds >= 0 })
        #expect(profile.rules.allSatisfy { $0.seconds >= 0 })
        // Worker time lies inside the walk: at most the wall time on every thread.
        let workerSeconds = profile.topDirectories.reduce(0) { $0 + $1.seconds } + profile.measuringSeconds
        #expect(workerSeconds <= profile.walkSeconds * Double(profile.threads))
        #expect(profile.threads == threads)
    }
}
