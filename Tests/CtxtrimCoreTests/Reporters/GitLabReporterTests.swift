import Testing

@testable import CtxtrimCore

/// GitLab Code Quality: the fields GitLab reads, severities and fingerprints.
@Suite struct GitLabReporterTests {
    static func issues(_ outcome: GateOutcome, prefix: String = "") throws -> [[String: JSONValue]] {
        guard case .array(let items) = try JSONText.parse(GitLabReporter.render(outcome, pathPrefix: prefix)) else {
            return []
        }
        return items.compactMap { if case .object(let issue) = $0 { issue } else { nil } }
    }

    @Test func mapsSeverities() {
        #expect(GitLabReporter.severity(.info) == "info")
        #expect(GitLabReporter.severity(.warning) == "major")
        #expect(GitLabReporter.severity(.error) == "critical")
    }

    @Test func everyIssueHasTheFieldsGitLabReads() throws {
        let issues = try Self.issues(SampleOutcome.failing(), prefix: "app")
        #expect(issues.count == SampleOutcome.failing().report.findings.count + 2)
        for issue in issues {
            #expect(Set(issue.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
            guard case .object(let location) = issue["location"], case .string(let path) = location["path"],
                case .object(let lines) = location["lines"], case .int(let begin) = lines["begin"]
            else { return #expect(Bool(false), "bad location \(issue)") }
            #expect(path.hasPrefix("app/"))
            #expect(begin >= 1)
        }
        let fingerprints = issues.compactMap { if case .string(let print) = $0["fingerprint"] { print } else { nil } }
        #expect(Set(fingerprints).count == issues.count)
        let secret = issues.first { $0["check_name"] == .string("secret-content") }
        #expect(secret?["severity"] == .string("critical"))
        guard case .object(let location) = secret?["location"] else { return }
        #expect(location["lines"] == .object(["begin": .int(14)]))
    }

    @Test func sameFingerprintsAsSARIF() throws {
        let outcome = SampleOutcome.failing()
        let gitlab = try Self.issues(outcome).compactMap { $0["fingerprint"] }
        let sarif = SARIFReporterTests.results(try SARIFReporterTests.run(outcome)).compactMap { result -> JSONValue? in
            guard case .object(let prints) = result["partialFingerprints"] else { return nil }
            return prints[SARIFReporter.fingerprintKey]
        }
        #expect(gitlab == sarif)
    }
}
