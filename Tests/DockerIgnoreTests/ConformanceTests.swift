import Foundation
import TestSupport
import Testing

@testable import DockerIgnore

/// Every reference case of `Fixtures/dockerignore-cases.jsonl` (computed with moby/patternmatcher 0.5.0).
@Suite struct ConformanceTests {
    struct Case: Decodable {
        let id: String
        let patterns: [String]
        let path: String
        let excluded: Bool?
        let sent: Bool?
        let error: String?
        let error_stage: String?
        let walk_error: String?
    }

    static func loadCases(from url: URL = fixturesURL) throws -> [Case] {
        let data = try Data(contentsOf: url)
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Case.self, from: $0) }
    }

    static let fixturesURL = PackageRoot.fixtures.appendingPathComponent("dockerignore-cases.jsonl")

    /// Runs one case; returns a description of the first disagreement, or `nil`.
    static func check(_ c: Case) -> String? {
        let matcher: IgnoreMatcher
        do {
            let file = try IgnoreFile.parse(text: c.patterns.joined(separator: "\n"), source: ".dockerignore")
            matcher = try IgnoreMatcher(file)
        } catch {
            if c.error_stage == "compile", error.dockerMessage == c.error { return nil }
            return "\(c.id): compile error \(error.dockerMessage), expected \(c)"
        }
        if c.error_stage == "compile" { return "\(c.id): expected compile error \(c.error ?? "")" }
        let verdict: IgnoreMatcher.Verdict
        do {
            verdict = try matcher.excluded(c.path)
        } catch {
            if c.error_stage == "match", error.code == .matchError, error.dockerMessage == c.error { return nil }
            return "\(c.id): match error \(error), expected \(c)"
        }
        if c.error_stage == "match" { return "\(c.id): expected match error, got \(verdict)" }
        if verdict.excluded != c.excluded { return "\(c.id): excluded \(verdict.excluded), expected \(c)" }
        do {
            let walk = try matcher.sent(c.path)
            if c.walk_error != nil { return "\(c.id): expected walk error, got \(walk)" }
            if walk.sent != c.sent { return "\(c.id): sent \(walk.sent), expected \(c)" }
        } catch {
            if c.walk_error != nil, error.code == .matchError { return nil }
            return "\(c.id): walk error \(error), expected \(c)"
        }
        return nil
    }

    @Test func everyReferenceCasePasses() throws {
        let cases = try Self.loadCases()
        let failures = cases.compactMap(Self.check)
        print("dockerignore conformance: \(cases.count - failures.count)/\(cases.count) cases pass")
        #expect(cases.count == 4458)
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))")
    }

    /// Differential run against cases produced by the Go oracle: set `DOCKERIGNORE_EXTRA_CASES` to a JSONL file in the
    /// same format. Skipped (and reported as skipped) when it is not set.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DOCKERIGNORE_EXTRA_CASES"] != nil))
    func extraCasesFromEnvironmentPass() throws {
        let path = try #require(ProcessInfo.processInfo.environment["DOCKERIGNORE_EXTRA_CASES"])
        let cases = try Self.loadCases(from: URL(fileURLWithPath: path))
        let failures = cases.compactMap(Self.check)
        print("extra cases: \(cases.count - failures.count)/\(cases.count) pass")
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}
