import DockerfileReader
import Testing

@testable import CtxtrimCore

/// The findings of every BuildKit check for a Dockerfile, linted in memory, as `check`/`line`/`severity` strings.
func buildKitFindings(_ text: String) throws -> [String] {
    let dockerfile = try Dockerfile.parse(text)
    let subject = LintSubject(
        ignoreFile: nil,
        dockerfile: DockerfileSubject(
            dockerfile: dockerfile, usage: try dockerfile.contextUsage(), displayPath: "Dockerfile"))
    let ids = Set(CheckCatalog.all.filter { $0.buildKitName != nil && $0.id != .copySourceIgnored }.map(\.id))
    return LintRegistry.findings(for: subject, enabledIDs: ids).map {
        "\($0.check)@\($0.line ?? 0) \($0.severity.rawValue)"
    }
}

/// `# check=` directives and `check=` comments, in the shapes of BuildKit's `testRuleCheckOption`.
@Suite struct BuildKitDirectiveTests {
    static let casing = "FROM scratch as base\ncopy Dockerfile .\n"

    @Test func withoutADirectiveEveryStableRuleWarns() throws {
        #expect(
            try buildKitFindings(Self.casing) == [
                "from-as-casing@1 warning", "consistent-instruction-casing@2 warning",
            ])
    }

    @Test(arguments: [
        "#check=skip=all\n", "#check=skip=all;error=true\n",
        "#check=skip=ConsistentInstructionCasing,FromAsCasing\n",
        "# check = skip = ConsistentInstructionCasing , FromAsCasing ; error=true\n",
    ])
    func skippedRulesReportNothing(_ directive: String) throws {
        #expect(try buildKitFindings(directive + Self.casing) == [])
    }

    @Test func skippingOneRuleKeepsTheOther() throws {
        #expect(
            try buildKitFindings("#check=skip=ConsistentInstructionCasing\n" + Self.casing) == [
                "from-as-casing@2 warning"
            ])
    }

    @Test func errorTrueMakesThemErrors() throws {
        #expect(
            try buildKitFindings("#check=skip=ConsistentInstructionCasing;error=true\n" + Self.casing) == [
                "from-as-casing@2 error"
            ])
        #expect(
            try buildKitFindings("# check=error=1\n" + Self.casing) == [
                "from-as-casing@2 error", "consistent-instruction-casing@3 error",
            ])
        #expect(
            try buildKitFindings("# check=error=False\n" + Self.casing) == [
                "from-as-casing@2 warning", "consistent-instruction-casing@3 warning",
            ])
    }

    /// BuildKit refuses such a directive and the build fails before any rule runs.
    @Test(arguments: ["# check=skip\n", "# check=colour=red\n", "# check=error=maybe\n"])
    func aDirectiveBuildKitRefusesReportsNothing(_ directive: String) throws {
        #expect(try buildKitFindings(directive + Self.casing) == [])
    }

    @Test func skipNamesAreCaseSensitiveAsInBuildKit() throws {
        #expect(
            try buildKitFindings("# check=skip=fromascasing,consistent-instruction-casing\n" + Self.casing).count == 2)
    }

    @Test func aCheckCommentBeforeAnInstructionSkipsItsRules() throws {
        let text = """
            FROM alpine:3.20 AS one
            # check=skip=JSONArgsRecommended
            CMD run one
            FROM alpine:3.20
            CMD run two
            """
        #expect(try buildKitFindings(text) == ["json-args-recommended@5 warning"])
    }

    /// Rules BuildKit runs over the whole file use the directive alone.
    @Test func aCheckCommentDoesNotReachWholeFileRules() throws {
        let text = "FROM alpine:3.20\n# check=skip=ConsistentInstructionCasing\nrun true\n"
        #expect(try buildKitFindings(text) == ["consistent-instruction-casing@3 warning"])
    }

    @Test func experimentalRulesRunOnlyWhenAskedEvenWithSkipAll() throws {
        let body = "# bar is not foo\nARG foo=bar\nFROM scratch\n"
        #expect(try buildKitFindings(body) == [])
        #expect(
            try buildKitFindings("# check=skip=all;experimental=InvalidDefinitionDescription\n" + body) == [
                "invalid-definition-description@3 warning"
            ])
        #expect(
            try buildKitFindings("# check=experimental=all;error=true\n" + body) == [
                "invalid-definition-description@3 error"
            ])
    }

    @Test func optionsParseAsBuildKitDoes() {
        let options = BuildKitCheckOptions(directive: " skip = A, B ;experimental=C;error=t ")
        #expect(options?.skipped == ["A", "B"] && options?.experimental == ["C"] && options?.errorOnWarning == true)
        #expect(BuildKitCheckOptions(directive: nil) == BuildKitCheckOptions.none)
        #expect(BuildKitCheckOptions(directive: "skip=all")?.skipsAll == true)
        #expect(BuildKitCheckOptions(directive: "skip=A;error=true;bogus") == nil)
        // Go's SplitN(value, ";", 3): the third part keeps the rest.
        #expect(BuildKitCheckOptions(directive: "skip=A;error=true;skip=B;x=y")?.skipped == ["B;x=y"])
    }
}
