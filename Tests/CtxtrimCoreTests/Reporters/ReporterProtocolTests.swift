import TestSupport
import Testing

@testable import CtxtrimCore

/// Every format as a value of the one `Reporter` protocol: the same bytes as the golden files, the formats each
/// command has always offered, and what goes to standard error instead of the data.
@Suite struct ReporterProtocolTests {
    static let options = RenderOptions(toolVersion: ReporterSnapshotTests.version)

    static func reporter(_ name: String, _ kind: CommandOutcome.Kind) throws -> any Reporter {
        try #require(Reporters.named(name, rendering: kind), "no \(name) reporter renders \(kind)")
    }

    static func text(_ rendering: Rendering) -> String { String(decoding: rendering.output, as: UTF8.self) }

    @Test(arguments: [
        ("text", "check.txt"), ("json", "check.json"), ("sarif", "check.sarif"), ("github", "check.github.txt"),
        ("gitlab", "check.gitlab.json"), ("markdown", "check.md"),
    ])
    func aCheckThroughTheProtocolMatchesItsGoldenFile(name: String, golden: String) throws {
        let rendering = try Self.reporter(name, .check).render(.check(SampleOutcome.failing()), options: Self.options)
        try Snapshot.expect(Self.text(rendering), matches: golden)
    }

    @Test func theTextOfAColouredCheckMatchesItsGoldenFile() throws {
        var options = Self.options
        options.style = TextStyle(color: true)
        let rendering = try Self.reporter("text", .check).render(.check(SampleOutcome.failing()), options: options)
        try Snapshot.expect(Self.text(rendering), matches: "check.color.txt")
    }

    /// The values `--format` takes per command, in the order help lists them (html came in 0.2.0).
    @Test(arguments: [
        (CommandOutcome.Kind.scan, ["text", "json", "sarif", "github", "gitlab", "markdown", "html"]),
        (.check, ["text", "json", "sarif", "github", "gitlab", "markdown", "html"]),
        (.checkAll, ["text", "json", "sarif", "github", "gitlab", "markdown", "html"]),
        (.builds, ["text", "json", "html"]), (.listing, ["text", "tsv", "json", "make"]),
        (.explanations, ["text", "json"]),
        (.fix, ["text"]),
    ])
    func eachCommandOffersTheFormatsItAlwaysHad(kind: CommandOutcome.Kind, names: [String]) {
        #expect(Reporters.names(rendering: kind) == names)
    }

    @Test func reporterNamesAreUnique() {
        let names = Reporters.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    /// A scan is not a check: in GitHub's format it annotates its findings but writes no job summary.
    @Test func aScanShownForGitHubHasNoJobSummaryButACheckHas() throws {
        let outcome = SampleOutcome.failing()
        let github = try Self.reporter("github", .scan)
        let scan = github.render(.scan(outcome.report), options: Self.options)
        let check = github.render(.check(outcome), options: Self.options)
        #expect(scan.jobSummary == nil)
        #expect(check.jobSummary?.hasPrefix("## ❌ ctxtrim check failed") == true)
        // The scan has the findings, but none of the check's budget or growth violations.
        let scanLines = Self.text(scan).split(separator: "\n")
        #expect(!scanLines.isEmpty && Set(scanLines).isSubset(of: Set(Self.text(check).split(separator: "\n"))))
        #expect(!Self.text(scan).contains("context-budget"))
        #expect(Self.text(check).contains("context-budget"))
    }

    /// The scan text lists diagnostics itself; every other view of a scan or check says on stderr that git classes
    /// are missing, and only that.
    @Test func gitDiagnosticsGoToStandardErrorExceptInTheScanText() throws {
        var report = SampleOutcome.failing().report
        report.diagnostics.append(.init(kind: "git.timeout", path: ".", message: "git status took longer than 1 s"))
        let warning = "ctxtrim: warning: git.timeout .: git status took longer than 1 s"
        #expect(try Self.reporter("text", .scan).render(.scan(report), options: Self.options).messages == [])
        for name in ["json", "sarif", "github", "gitlab", "markdown"] {
            #expect(try Self.reporter(name, .scan).render(.scan(report), options: Self.options).messages == [warning])
        }
        let check = GateOutcome(report: report)
        #expect(try Self.reporter("text", .check).render(.check(check), options: Self.options).messages == [warning])
    }

    static let listing = ContextListing(
        entries: [
            .init(kind: .file, size: 3, path: Array("a\u{1B}b".utf8)),
            .init(kind: .directory, size: 4096, path: [0x6E, 0xFF], skippedDirectory: true),
        ],
        diagnostics: [.init(kind: "unreadable-directory", path: "x", message: "opendir: Permission denied")],
        listsExcluded: true)

    @Test func aListingInEveryFormat() throws {
        let tsv = try Self.reporter("tsv", .listing).render(.listing(Self.listing), options: Self.options)
        #expect(Self.text(tsv) == "f\t3\ta\\eb\nd\t4096\tn\\xFF\n")
        #expect(tsv.messages == ["ctxtrim: warning: unreadable-directory x: opendir: Permission denied"])

        let exact = try Self.reporter("tsv", .listing).render(
            .listing(Self.listing), options: RenderOptions(nulTerminated: true))
        #expect(exact.output == Array("f\t3\ta\u{1B}b\0d\t4096\tn".utf8) + [0xFF, 0])

        let json = try Self.reporter("json", .listing).render(.listing(Self.listing), options: Self.options)
        let lines = Self.text(json).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""skipped":false"#) && !lines[0].contains("pathBytes"))
        #expect(lines[1].contains(#""pathBytes":"bv8=""#) && lines[1].contains(#""skipped":true"#))

        let text = try Self.reporter("text", .listing).render(.listing(Self.listing), options: Self.options)
        #expect(Self.text(text).hasSuffix("n\\xFF/  (not entered; total size)\n"))
    }

    @Test func explanationsInTextAndJSON() throws {
        let scratch = try TemporaryTree("explain")
        try scratch.write(".dockerignore", "*.log\n")
        let context = try BuildContext.resolve(context: scratch.path, dockerfile: nil, ignoreFileOverride: nil)
        let rules = try IgnoreRules(bytes: Array("*.log\n".utf8), source: ".dockerignore")
        let explanations = PathExplanations.explain(
            ["a\u{7}.log", "src", "../out"], rules: rules, context: context, showsNonMatching: true)
        #expect(explanations.anyExcluded && explanations.anyError)

        let text = try Self.reporter("text", .explanations).render(.explanations(explanations), options: Self.options)
        #expect(Self.text(text) == ".dockerignore:1:*.log\ta\\x07.log\n::\tsrc\n")
        #expect(text.messages.count == 1 && text.messages[0].hasPrefix("ctxtrim: error: ../out: path is outside"))

        let exact = try Self.reporter("text", .explanations).render(
            .explanations(explanations), options: RenderOptions(nulTerminated: true))
        #expect(Self.text(exact) == ".dockerignore:1:*.log\ta\u{7}.log\0::\tsrc\0")

        let json = try Self.reporter("json", .explanations).render(.explanations(explanations), options: Self.options)
        #expect(json.messages == [])
        #expect(Self.text(json).split(separator: "\n").count == 3)
    }
}
