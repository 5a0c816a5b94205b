import Testing

@testable import CtxtrimCore

/// SARIF specifics the golden file does not make obvious: rules, locations, URIs and fingerprints.
@Suite struct SARIFReporterTests {
    static func run(_ outcome: GateOutcome, prefix: String = "") throws -> [String: JSONValue] {
        let document = try JSONText.parse(SARIFReporter.render(outcome, toolVersion: "9.9.9", pathPrefix: prefix))
        guard case .object(let log) = document, case .array(let runs) = log["runs"], case .object(let run) = runs.first
        else { throw JSONText.ParseError(reason: "no run") }
        return run
    }

    static func results(_ run: [String: JSONValue]) -> [[String: JSONValue]] {
        guard case .array(let results) = run["results"] else { return [] }
        return results.compactMap { if case .object(let result) = $0 { result } else { nil } }
    }

    static func uri(_ result: [String: JSONValue]) -> String? {
        guard case .array(let locations) = result["locations"], case .object(let location) = locations.first,
            case .object(let physical) = location["physicalLocation"],
            case .object(let artifact) = physical["artifactLocation"], case .string(let uri) = artifact["uri"]
        else { return nil }
        return uri
    }

    @Test func oneRulePerCatalogueDescriptorInItsOrder() throws {
        let run = try Self.run(SampleOutcome.failing())
        guard case .object(let tool) = run["tool"], case .object(let driver) = tool["driver"],
            case .array(let rules) = driver["rules"]
        else { return #expect(Bool(false), "no rules") }
        let ids = rules.compactMap { rule -> String? in
            if case .object(let members) = rule, case .string(let id) = members["id"] { id } else { nil }
        }
        #expect(ids == CheckCatalog.all.map(\.id.rawValue))
        #expect(ids.contains("ignore-root-only-name") && ids.contains("ignore-unused-pattern"))
        #expect(!ids.contains("missing-ignore-file"))
        #expect(driver["version"] == .string("9.9.9"))
        #expect(driver["informationUri"] == nil)
        for result in Self.results(run) {
            guard case .string(let id) = result["ruleId"], case .int(let index) = result["ruleIndex"] else {
                return #expect(Bool(false), "result without rule")
            }
            #expect(ids[Int(index)] == id)
        }
    }

    @Test func levelsFollowSeverity() {
        #expect(SARIFReporter.level(.error) == "error")
        #expect(SARIFReporter.level(.warning) == "warning")
        #expect(SARIFReporter.level(.info) == "note")
    }

    @Test func ruleDefaultLevelsFollowDefaultSeverity() throws {
        let run = try Self.run(SampleOutcome.failing())
        guard case .object(let tool) = run["tool"], case .object(let driver) = tool["driver"],
            case .array(let rules) = driver["rules"]
        else { return #expect(Bool(false), "no rules") }
        for (rule, descriptor) in zip(rules, SARIFReporter.rules) {
            guard case .object(let members) = rule, case .object(let configuration) = members["defaultConfiguration"]
            else { return #expect(Bool(false), "rule without configuration") }
            #expect(configuration["level"] == .string(SARIFReporter.level(descriptor.defaultSeverity)))
            #expect(members["shortDescription"] == .object(["text": .string(descriptor.summary)]))
            #expect(members["fullDescription"] == .object(["text": .string(descriptor.help)]))
        }
    }

    @Test func locationsUseAnchorTrailingSlashAndPrefix() throws {
        let results = Self.results(try Self.run(SampleOutcome.failing(), prefix: "./services/api/"))
        let uris = Set(results.compactMap(Self.uri))
        #expect(uris.contains("services/api/Dockerfile"))  // the anchored node_modules finding
        #expect(uris.contains("services/api/.git/"))
        #expect(uris.contains("services/api/dist/"))  // build-output reports directories only
        #expect(uris.contains("services/api/logs/app%3A%201,2.log"))
        #expect(uris.contains("services/api/tmp%25dir/"))
        #expect(!uris.contains { $0.hasPrefix("/") })
    }

    @Test(arguments: [
        ("plain/file.txt", "plain/file.txt"), ("a b", "a%20b"), ("c:d", "c%3Ad"), ("100%", "100%25"),
        ("é", "%C3%A9"), ("q?#[x]", "q%3F%23%5Bx%5D"), ("keep-._~!$&'()*+,;=@", "keep-._~!$&'()*+,;=@"),
    ])
    func percentEncodesURIs(_ path: String, _ uri: String) {
        #expect(ReportLocation(path: path, line: nil).uri == uri)
    }

    @Test func absoluteAnchorFallsBackToThePath() {
        var finding = Finding(
            check: .dependencyDir, severity: .warning, subject: .directory("node_modules"), message: "m", bytes: 1)
        finding.anchor = .init(file: "/work/Dockerfile", line: 3)
        #expect(ReportLocation(finding: finding, pathPrefix: "") == ReportLocation(path: "node_modules/", line: nil))
        finding.anchor = .init(file: "../Dockerfile", line: 3)
        #expect(ReportLocation(finding: finding, pathPrefix: "") == ReportLocation(path: "node_modules/", line: nil))
    }

    @Test func fingerprintsAreStableAndDistinct() throws {
        let first = Self.results(try Self.run(SampleOutcome.failing())).map { $0["partialFingerprints"] }
        let second = Self.results(try Self.run(SampleOutcome.failing())).map { $0["partialFingerprints"] }
        #expect(first == second)
        #expect(Set(first.map { $0?.rendered(indent: 0) ?? "" }).count == first.count)
        // FNV-1a 64 reference values.
        #expect(FindingFingerprint.fnv1a64("") == "cbf29ce484222325")
        #expect(FindingFingerprint.fnv1a64("a") == "af63dc4c8601ec8c")
        #expect(FindingFingerprint.fnv1a64("foobar") == "85944171f73967e8")
    }

    @Test func repeatedIdentitiesGetDistinctFingerprints() {
        let prints = FindingFingerprint.fingerprints(of: ["x", "y", "x", "x"])
        #expect(Set(prints).count == 4)
        #expect(prints[0] == FindingFingerprint.fnv1a64("x"))
    }

    @Test func missingIgnoreFileIsOneWarningResultOfTheLintCheckID() throws {
        var outcome = SampleOutcome.passing()
        outcome.report.context.ignoreFile = nil
        outcome.report.findings.append(
            Finding(
                check: .ignoreFileMissing, severity: .warning, subject: .ignoreFile(".dockerignore"),
                message: "There is no .dockerignore", bytes: 10, files: 1))
        let results = Self.results(try Self.run(outcome))
        #expect(!results.contains { $0["ruleId"] == .string("missing-ignore-file") })
        let missing = results.filter { $0["ruleId"] == .string("ignore-file-missing") }
        #expect(missing.count == 1)
        #expect(missing.first?["level"] == .string("warning"))
        #expect(!outcome.failed)
    }
}
