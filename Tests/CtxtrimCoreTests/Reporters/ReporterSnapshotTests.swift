import TestSupport
import Testing

@testable import CtxtrimCore

/// Every format rendered from the same failing outcome (and the text of a passing one), against golden files.
@Suite struct ReporterSnapshotTests {
    static let version = "0.4.0"

    @Test func json() throws {
        try Snapshot.expect(SampleOutcome.failing().json.rendered() + "\n", matches: "check.json")
    }

    @Test func sarif() throws {
        try Snapshot.expect(
            SARIFReporter.render(SampleOutcome.failing(), toolVersion: Self.version), matches: "check.sarif")
    }

    @Test func github() throws {
        try Snapshot.expect(GitHubReporter.annotations(SampleOutcome.failing()), matches: "check.github.txt")
    }

    @Test func gitlab() throws {
        try Snapshot.expect(GitLabReporter.render(SampleOutcome.failing()), matches: "check.gitlab.json")
    }

    @Test func markdown() throws {
        try Snapshot.expect(MarkdownReporter.render(SampleOutcome.failing()), matches: "check.md")
    }

    @Test func text() throws {
        try Snapshot.expect(
            CheckTextReporter.render(SampleOutcome.failing(), style: TextStyle(color: false)), matches: "check.txt")
    }

    @Test func textInColour() throws {
        try Snapshot.expect(
            CheckTextReporter.render(SampleOutcome.failing(), style: TextStyle(color: true)), matches: "check.color.txt"
        )
    }

    @Test func passingText() throws {
        try Snapshot.expect(
            CheckTextReporter.render(SampleOutcome.passing(), style: TextStyle(color: false)), matches: "check-pass.txt"
        )
    }

    @Test func passingMarkdown() throws {
        try Snapshot.expect(MarkdownReporter.render(SampleOutcome.passing()), matches: "check-pass.md")
    }
}
