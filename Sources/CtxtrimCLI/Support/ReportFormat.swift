import ArgumentParser
import CtxtrimCore

#if canImport(Glibc)
    import Glibc
#endif

/// The formats `scan` and `check` write.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, gitlab, markdown

    /// The format a CI system shows natively: GitHub annotations under GitHub Actions, else text.
    static var environmentDefault: ReportFormat {
        if let value = getenv("GITHUB_ACTIONS"), String(cString: value) == "true" { return .github }
        return .text
    }

    /// Renders a check outcome. `pathPrefix` is the context's path inside the repository, for CI annotations.
    func render(_ outcome: GateOutcome, style: TextStyle, scanOnly: Bool) -> String {
        let prefix = outcome.report.git?.contextPath ?? ""
        switch self {
        case .text:
            return scanOnly ? outcome.report.text(style: style) : CheckTextReporter.render(outcome, style: style)
        case .json:
            return (scanOnly ? outcome.report.json : outcome.json).rendered() + "\n"
        case .sarif:
            return SARIFReporter.render(outcome, toolVersion: CtxtrimCommand.version, pathPrefix: prefix)
        case .github:
            return GitHubReporter.annotations(outcome, pathPrefix: prefix)
        case .gitlab:
            return GitLabReporter.render(outcome, pathPrefix: prefix)
        case .markdown:
            return MarkdownReporter.render(outcome)
        }
    }
}

extension String {
    /// The text with a final newline, so outputs end cleanly.
    var withFinalNewline: String { hasSuffix("\n") || isEmpty ? self : self + "\n" }
}
