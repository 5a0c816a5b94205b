import TestSupport
import Testing

@testable import CtxtrimCore

/// Reporters place a finding by the subject its check decided: a file never gets a trailing `/` because it counts
/// several files, and a directory holding one file is still a directory.
@Suite struct SubjectLocationTests {
    /// A real scan of a context with no Dockerfile and no ignore file (so nothing is anchored elsewhere): one-file
    /// `.idea/` and `logs/`, and a `node_modules/` of two files.
    static func scannedOutcome() throws -> GateOutcome {
        let scratch = try TemporaryTree("subjects")
        try scratch.write(".idea/workspace.xml", "<project/>\n")
        try scratch.write("logs/today.txt", "started\n")
        try scratch.write("node_modules/left-pad/index.js", "module.exports = 1\n")
        try scratch.write("node_modules/left-pad/package.json", "{}\n")
        let report = try CheckCatalogTests.scan(scratch.path)
        return GateOutcome(report: report, failOn: .never)
    }

    @Test func dockerignoreFindingIsAnnotatedWithoutATrailingSlash() throws {
        let outcome = try Self.scannedOutcome()
        let missing = try #require(outcome.report.findings.first { $0.check == .ignoreFileMissing })
        #expect(missing.files > 1, "the finding sums the flagged files, which made the old guess call it a directory")
        #expect(missing.subject == .ignoreFile(".dockerignore"))
        let github = GitHubReporter.annotations(outcome)
        #expect(github.contains("file=.dockerignore,"), "\(github)")
        #expect(!github.contains("file=.dockerignore/"), "\(github)")
        let location = ReportLocation(finding: missing, pathPrefix: "")
        #expect(location.path == ".dockerignore")
        #expect(!MarkdownReporter.render(outcome).contains("`.dockerignore/`"))
    }

    @Test func oneFileEditorJunkAndLogDirectoriesAreShownAsDirectories() throws {
        let outcome = try Self.scannedOutcome()
        for (check, path) in [(CheckID.editorJunk, ".idea"), (.logFile, "logs")] {
            let finding = try #require(outcome.report.findings.first { $0.check == check }, "\(check)")
            #expect(finding.files == 1 && finding.subject == .directory(path))
            #expect(GitHubReporter.annotations(outcome).contains("file=\(path)/,"), "\(check)")
            #expect(GitLabReporter.render(outcome).contains("\"path\": \"\(path)/\""), "\(check)")
            #expect(MarkdownReporter.render(outcome).contains("`\(path)/`"), "\(check)")
            #expect(
                SARIFReporter.render(outcome, toolVersion: "1").contains("\"uri\": \"\(path)/\""), "\(check)")
        }
    }

    @Test func aMissingIgnoreFileIsReportedOnceUnderOneIDAsAWarning() throws {
        var outcome = try Self.scannedOutcome()
        outcome.failOn = .error
        let rules = outcome.annotations(pathPrefix: "").map(\.rule)
        #expect(rules.filter { $0 == .ignoreFileMissing }.count == 1)
        #expect(!rules.contains("missing-ignore-file"))
        let github = GitHubReporter.annotations(outcome).split(separator: "\n")
        let missing = github.filter { $0.contains("(ignore-file-missing)") }
        #expect(missing.count == 1)
        #expect(missing.first?.hasPrefix("::warning file=.dockerignore,title=") == true, "\(missing)")

        outcome.failOn = .warning
        let text = CheckTextReporter.render(outcome, style: TextStyle(color: false))
        #expect(text.components(separatedBy: "There is no").count == 2, "\(text)")
        #expect(text.contains("ignore-file-missing"), "\(text)")
        let markdown = MarkdownReporter.render(outcome)
        #expect(markdown.components(separatedBy: "There is no").count == 2, "\(markdown)")
    }
}
