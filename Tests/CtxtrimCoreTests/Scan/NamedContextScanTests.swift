import ContextWalker
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// A local named context is read with its own `.dockerignore`, walked and judged there, and its transfer counted
/// with the build's; nothing of it is taken for the main context.
@Suite(.serialized) struct NamedContextScanTests {
    static let privateKey =
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n"

    /// `repo/app` builds with `COPY --from=lib`; `repo/lib` has its own `.dockerignore`, which excludes a file the
    /// build copies, and a private key.
    static func repository() throws -> TemporaryTree {
        let tree = try TemporaryTree("named-context")
        try tree.write(
            "app/Dockerfile",
            "FROM alpine:3.20\nCOPY --from=lib sub/needed.txt /x/\nCOPY --from=lib util.sh /x/\nCOPY app.py /app/\n")
        try tree.write("app/app.py", "print('hi')\n")
        try tree.write("app/notes.md", "notes\n")
        try tree.write("lib/.dockerignore", "# lib's own rules\nsub/needed.txt\n*.log\n")
        try tree.write("lib/sub/needed.txt", "needed\n")
        try tree.write("lib/util.sh", "echo util\n")
        try tree.write("lib/id_rsa", privateKey)
        try tree.write("lib/debug.log", "log\n")
        try tree.write("lib/big.bin", String(repeating: "x", count: 4096))
        return tree
    }

    static func options(_ named: [NamedBuildContext]) -> ContextScanner.Options {
        var options = ContextScanner.Options()
        options.git = false
        options.namedContexts = named
        return options
    }

    static func scan(_ tree: TemporaryTree, _ named: [NamedBuildContext], dockerfile: String? = nil) throws
        -> ScanReport
    {
        let context = try BuildContext.resolve(
            context: tree.path("app"), dockerfile: dockerfile.map { tree.path($0) }, ignoreFileOverride: nil)
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options(named))
            .scan()
    }

    @Test func copySourceIgnoredNamesTheNamedContextsIgnoreFileLine() throws {
        let tree = try Self.repository()
        let report = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))])
        let ignored = report.findings.filter { $0.check == .copySourceIgnored }
        #expect(ignored.count == 1)
        let finding = try #require(ignored.first)
        #expect(finding.subject == .dockerfileLine("Dockerfile", line: 2))
        #expect(finding.message.contains("`../lib/.dockerignore:2` (`sub/needed.txt`)"), "\(finding.message)")
        #expect(finding.message.contains("named context `lib`"))
        // util.sh is sent by lib's ignore file: no finding for line 3; nothing is missing.
        #expect(!report.findings.contains { $0.check == .copySourceMissing })
    }

    @Test func aSecretOfTheNamedContextIsNamedFromTheContextRoot() throws {
        let tree = try Self.repository()
        let report = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))])
        let secrets = report.findings.filter { $0.check == .secretFile }
        #expect(secrets.map(\.path) == ["../lib/id_rsa"])
        // lib's ignore file keeps its log out: no log-file finding, and no path of lib looks like one of app.
        #expect(!report.findings.contains { $0.check == .logFile })
        #expect(!report.findings.contains { $0.path == "id_rsa" || $0.path == "util.sh" })
    }

    @Test func theBuildsConfigSuppressesNamedContextFindingsByTheirReportedPath() throws {
        let tree = try Self.repository()
        try tree.write(
            "app/.ctxtrim.yml", "suppressions:\n  - path: \"../lib/id_rsa\"\n    reason: a fixture key\n")
        // lib's own config is never read for this build.
        try tree.write("lib/.ctxtrim.yml", "checks:\n  copy-source-ignored: off\n")
        let report = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))])
        #expect(!report.findings.contains { $0.path == "../lib/id_rsa" })
        #expect(report.findings.contains { $0.check == .copySourceIgnored })
        #expect(report.namedContexts.first?.findings == 1)
    }

    @Test func transferredCountsTheContextAndTheNamedContext() throws {
        let tree = try Self.repository()
        let lib = try #require(BuildContext.realPath(tree.path("lib")))
        let before = WalkCounter.walks(of: lib)
        let report = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))])
        // A single scan keeps its own walk of app, and walks lib, outside it, on its own.
        #expect(WalkCounter.walks(of: lib) - before == 1)
        // app: only app.py; lib: util.sh (sub/needed.txt is excluded there).
        #expect(report.build?.transferred.files == 1)
        #expect(report.build?.transferred.bytes == 12)
        let named = try #require(report.namedContexts.first)
        #expect(named.name == "lib" && named.local && named.read)
        #expect(named.ignoreFile == "../lib/.dockerignore")
        #expect(named.transferred == ScanReport.ClassUsage(files: 1, bytes: 10))
        // Sent: .dockerignore, util.sh, id_rsa, big.bin (the log and needed.txt are kept out).
        #expect(named.sent?.files == 4)
        #expect(report.totalTransferred == ScanReport.ClassUsage(files: 2, bytes: 22))
        // The main context's own numbers do not change with a named context.
        let alone = try Self.scan(tree, [])
        #expect(alone.sent == report.sent)
        #expect(alone.namedContexts.isEmpty)
    }

    @Test func theBudgetsApplyToTheWholeTransfer() throws {
        let tree = try Self.repository()
        let report = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))])
        var settings = GateSettings()
        settings.budgets.maxTransferredSize = 20
        let outcome = try GateEvaluator.evaluate(report, settings: settings)
        let budget = try #require(outcome.budgets.first)
        #expect(budget.actual == 22)
        #expect(budget.exceeded)
    }

    @Test func aNamedContextReplacesTheStageOfItsName() throws {
        let tree = try Self.repository()
        try tree.write(
            "app/Dockerfile.stage",
            "FROM alpine:3.20 AS lib\nCOPY . /everything\nFROM alpine:3.20\nCOPY --from=lib util.sh /x/\nCOPY app.py /\n"
        )
        let named = try Self.scan(
            tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))],
            dockerfile: "app/Dockerfile.stage")
        // The stage never runs: its `COPY . /everything` reads nothing of app.
        #expect(named.build?.rootSourceLine == nil)
        #expect(named.build?.transferred.files == 1)
        #expect(named.namedContexts.first?.transferred?.files == 1)
        let stage = try Self.scan(tree, [], dockerfile: "app/Dockerfile.stage")
        #expect(stage.build?.rootSourceLine == 2)
        #expect(stage.namedContexts.isEmpty)
    }

    @Test func fromANamedContextTransfersAllOfIt() throws {
        let tree = try Self.repository()
        try tree.write("app/Dockerfile.from", "FROM lib\nCOPY app.py /\n")
        let report = try Self.scan(
            tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))],
            dockerfile: "app/Dockerfile.from")
        let lib = try #require(report.namedContexts.first)
        // FROM reads the whole context: everything its ignore file sends is transferred.
        #expect(lib.transferred?.files == lib.sent?.files)
        #expect(lib.transferred?.bytes == lib.sent?.bytes)
        #expect(report.build?.transferred.files == 1)
        // Nothing is copied from lib by name, so no copy-source finding; lib's key is still reported.
        #expect(!report.findings.contains { $0.check == .copySourceIgnored })
        #expect(report.findings.contains { $0.check == .secretFile && $0.path == "../lib/id_rsa" })
    }

    @Test func remoteValuesAreReportedNotWalked() throws {
        let tree = try Self.repository()
        let values = [
            "img=docker-image://alpine:3.20", "base=target:base", "layout=oci-layout:///tmp/layout@sha256:abc",
            "site=https://example.com/context.tar", "repo=git@github.com:owner/repo.git",
        ]
        let named = try NamedBuildContext.parseAll(values)
        let report = try Self.scan(tree, named)
        #expect(report.namedContexts.map(\.name) == ["base", "img", "layout", "repo", "site"])
        #expect(report.namedContexts.allSatisfy { !$0.local && !$0.read && $0.sent == nil && $0.value != nil })
        #expect(report.totalTransferred == report.build?.transferred)
        let json = report.json
        guard case .object(let document) = json, case .array(let entries)? = document["namedContexts"] else {
            Issue.record("no namedContexts in the JSON report")
            return
        }
        #expect(entries.count == 5)
    }

    @Test(arguments: [
        ("app", "../lib/id_rsa", "lib/id_rsa"), ("svc/a", "../../shared/x", "shared/x"),
        ("app", "../../up/x", "../up/x"),
        ("app", "src/x", "app/src/x"), ("", "../lib/x", "../lib/x"),
    ])
    func ciLocationsOfANamedContextAreRepositoryPaths(prefix: String, path: String, expected: String) {
        #expect(ReportLocation.joined(prefix, path) == expected)
    }

    @Test func theReportWithNamedContextsValidatesAgainstTheSchema() throws {
        let tree = try Self.repository()
        let named = [
            NamedBuildContext(name: "lib", value: .local(path: tree.path("lib"))),
            NamedBuildContext(name: "img", value: .remote("docker-image://alpine:3.20")),
        ]
        let text = try Self.scan(tree, named).json.rendered()
        let schema = try JSONSchemaValidator(schema: ReporterFixtures.scanReportSchema())
        #expect(schema.errors(in: try JSONText.parse(text)) == [])
        // The schema is not vacuous for the new section.
        let broken = text.replacingOccurrences(of: #""read": true"#, with: #""read": "yes""#)
        #expect(broken != text)
        #expect(!schema.errors(in: try JSONText.parse(broken)).isEmpty)
    }

    @Test func aLocalContextTheTargetDoesNotReadIsNotWalked() throws {
        let tree = try Self.repository()
        try tree.write("app/Dockerfile.plain", "FROM alpine:3.20\nCOPY app.py /\n")
        let root = try #require(BuildContext.realPath(tree.path("lib")))
        let before = WalkCounter.walks(of: root)
        let report = try Self.scan(
            tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))],
            dockerfile: "app/Dockerfile.plain")
        #expect(WalkCounter.walks(of: root) == before)
        #expect(report.namedContexts.first.map { $0.local && !$0.read && $0.transferred == nil } == true)
        #expect(!report.findings.contains { $0.path.hasPrefix("../lib") })
    }

    struct BadValue: CustomTestStringConvertible, Sendable {
        let values: [String]
        let code: NamedContextError.Code
        var testDescription: String { values.joined(separator: " ") }
    }

    static let badValues: [BadValue] = [
        BadValue(values: ["lib"], code: .invalid),
        BadValue(values: ["=../lib"], code: .invalid),
        BadValue(values: ["lib="], code: .invalid),
        BadValue(values: ["Lib=../lib"], code: .invalid),
        BadValue(values: ["li b=../lib"], code: .invalid),
        BadValue(values: ["-lib=../lib"], code: .invalid),
        BadValue(values: ["context=../lib"], code: .invalid),
        BadValue(values: ["lib=../a", "lib=../b"], code: .duplicate),
    ]

    @Test(arguments: badValues)
    func badValuesAreRefused(_ bad: BadValue) {
        #expect(throws: NamedContextError.self) { try NamedBuildContext.parseAll(bad.values) }
        do {
            _ = try NamedBuildContext.parseAll(bad.values)
        } catch {
            #expect(error.code == bad.code)
            #expect(error.kind == .input)
        }
    }

    @Test func goodNamesAreAccepted() throws {
        for name in ["lib", "base-image", "org/lib", "a.b_c", "a__b", "x9"] {
            #expect(try NamedBuildContext.parse("\(name)=../lib").name == name)
        }
        #expect(try NamedBuildContext.parse("lib=a=b").value == .local(path: "a=b"))
    }

    @Test func aMissingDirectoryFailsTheScan() throws {
        let tree = try Self.repository()
        #expect {
            _ = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("nope")))])
        } throws: { error in
            (error as? NamedContextError)?.code == .notFound
        }
        try tree.write("file", "")
        #expect(throws: NamedContextError.self) {
            try NamedBuildContext.roots(of: [.init(name: "f", value: .local(path: tree.path("file")))])
        }
    }

    @Test func allWithTheDeclaredNamedContextEqualsTheSingleScan() throws {
        let tree = try Self.repository()
        try tree.write("other/Dockerfile", "FROM alpine:3.20\nCOPY . /o\n")
        var app = DiscoveredBuild(name: "app", context: "app", dockerfile: "app/Dockerfile")
        app.namedContexts = ["lib": "lib"]
        let other = DiscoveredBuild(name: "other", context: "other", dockerfile: "other/Dockerfile")
        // A second build reading lib alike shares its member of the walk, with the same result.
        try tree.write("twin/Dockerfile", try String(contentsOfFile: tree.path("app/Dockerfile"), encoding: .utf8))
        try tree.write("twin/app.py", "print('hi')\n")
        var twin = DiscoveredBuild(name: "twin", context: "twin", dockerfile: "twin/Dockerfile")
        twin.namedContexts = ["lib": "lib"]
        let root = try #require(BuildContext.realPath(tree.path))
        let before = WalkCounter.walks(of: root)
        let libBefore = WalkCounter.walks(of: root + "/lib")
        let multi = try MultiContextScanner(root: tree.path, builds: [app, other, twin], options: Self.options([]))
            .scan()
        // One walk of the repository root, none of lib alone.
        #expect(WalkCounter.walks(of: root) - before == 1)
        #expect(WalkCounter.walks(of: root + "/lib") == libBefore)
        let all = try #require(multi.builds.first { $0.build.name == "app" }).report
        let single = try Self.scan(tree, [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))])
        #expect(all.namedContexts.map(\.transferred) == single.namedContexts.map(\.transferred))
        #expect(all.namedContexts.map(\.sent) == single.namedContexts.map(\.sent))
        #expect(all.namedContexts.map(\.ignoreFile) == single.namedContexts.map(\.ignoreFile))
        #expect(all.namedContexts.first?.path == "lib")
        #expect(all.totalTransferred == single.totalTransferred)
        let describe = { (report: ScanReport) in
            report.findings.map { "\($0.check) \($0.path):\($0.line ?? 0) \($0.message)" }
        }
        #expect(describe(all) == describe(single))
        let twinReport = try #require(multi.builds.first { $0.build.name == "twin" }).report
        #expect(describe(twinReport) == describe(single))
        #expect(
            twinReport.namedContexts
                == single.namedContexts.map {
                    var usage = $0; usage.path = "lib"; return usage
                })
        // The other build does not read lib.
        let otherReport = try #require(multi.builds.first { $0.build.name == "other" }).report
        #expect(otherReport.namedContexts.isEmpty)
        #expect(!otherReport.findings.contains { $0.path.contains("lib") })
    }

    @Test func anInlineDockerfileIsAnalysedInsteadOfAFile() throws {
        let tree = try Self.repository()
        try tree.write("compose.yaml", "services:\n  app:\n    build:\n      context: app\n")
        var app = DiscoveredBuild(name: "app", context: "app", dockerfile: "compose.yaml", service: "app")
        app.inlineDockerfile = "FROM alpine:3.20\nCOPY notes.md /\nCOPY --from=lib util.sh /\n"
        app.namedContexts = ["lib": "lib"]
        let multi = try MultiContextScanner(root: tree.path, builds: [app], options: Self.options([])).scan()
        let report = try #require(multi.builds.first).report
        #expect(report.build?.error == nil)
        #expect(report.build?.transferred.files == 1)
        #expect(report.build?.transferred.bytes == 6)
        #expect(report.namedContexts.first?.transferred?.files == 1)

        app.inlineDockerfile = "FROM alpine:3.20\nCOPY --from=0 x /\n"
        let broken = try MultiContextScanner(root: tree.path, builds: [app], options: Self.options([])).scan()
        let error = try #require(broken.builds.first?.report.build?.error)
        #expect(error.contains("compose.yaml"), "\(error)")
    }
}

/// `fix` plans the main context's ignore file only: sources of a named context never keep a path of the main
/// context, and a stage a named context replaces copies nothing of it.
@Suite(.serialized) struct NamedContextFixTests {
    @Test func fixOfTheMainContextIsNotConstrainedByNamedContextSources() throws {
        let tree = try TemporaryTree("named-context-fix")
        try tree.write(
            "app/Dockerfile",
            """
            FROM alpine:3.20 AS lib
            COPY . /everything
            FROM alpine:3.20
            COPY --from=lib node_modules/pkg/index.js /p/
            COPY src /src
            """)
        try tree.write("app/package.json", "{}\n")
        try tree.write("app/src/main.js", "console.log(1)\n")
        // The same path exists in app: were lib's source taken for app's, fix would have to keep it.
        try tree.write("app/node_modules/pkg/index.js", "module.exports = 1\n")
        try tree.write("app/node_modules/pkg/big.js", String(repeating: "x", count: 8192))
        try tree.write("lib/node_modules/pkg/index.js", "module.exports = 2\n")
        let context = try BuildContext.resolve(context: tree.path("app"), dockerfile: nil, ignoreFileOverride: nil)
        var options = IgnoreFileFixer.Options()
        options.git = false
        options.findSharingBuilds = false
        options.namedContexts = [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))]
        let outcome = try IgnoreFileFixer(context: context, options: options).run()
        #expect(outcome.wrote)
        let written = try IgnoreRules(
            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: tree.path("app/.dockerignore")))),
            source: ".dockerignore")
        #expect(try !written.matcher.sent("node_modules/pkg/index.js").sent)
        #expect(try !written.matcher.sent("node_modules").sent)
        #expect(try written.matcher.sent("src/main.js").sent)
        // lib's own tree is left alone.
        #expect(!FileManager.default.fileExists(atPath: tree.path("lib/.dockerignore")))

        // After the fix, the build still finds every source: app's in app, lib's in lib.
        var scanOptions = ContextScanner.Options()
        scanOptions.git = false
        scanOptions.namedContexts = options.namedContexts
        let after = try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: scanOptions)
            .scan()
        #expect(!after.findings.contains { $0.check == .copySourceIgnored || $0.check == .copySourceMissing })
        #expect(after.namedContexts.first?.transferred?.files == 1)
    }
}
