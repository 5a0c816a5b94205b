import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// `Fixtures/secrets`: fake credentials of every provider in neutral file names, and look-alikes (placeholders,
/// docs examples, test-mode keys, hashes, UUIDs, base64 blobs, integrity hashes, minified JS). `EXPECTED.tsv` lists
/// every credential by file, line and kind; everything else must stay quiet.
@Suite struct SecretFixtureTests {
    struct Hit: Hashable, Comparable, CustomStringConvertible {
        let file: String
        let line: Int
        let kind: String
        var description: String { "\(file):\(line) \(kind)" }
        static func < (lhs: Hit, rhs: Hit) -> Bool { (lhs.file, lhs.line, lhs.kind) < (rhs.file, rhs.line, rhs.kind) }
    }

    static func expected() throws -> [Hit] {
        try PackageRoot.read("Fixtures/secrets/EXPECTED.tsv").split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t").map(String.init)
            return Hit(file: fields[0], line: Int(fields[1])!, kind: fields[2])
        }
    }

    static func fixtureFiles() throws -> [String] {
        let root = PackageRoot.fixtures.appendingPathComponent("secrets").path
        return try FileManager.default.subpathsOfDirectory(atPath: root).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && path != "EXPECTED.tsv"
        }.sorted()
    }

    @Test func everyFakeCredentialIsFoundAndNoLookAlikeIs() throws {
        let check = SecretContentCheck()
        let expected = try Self.expected()
        var found: [Hit] = []
        for file in try Self.fixtureFiles() {
            let content = try Array(Data(contentsOf: PackageRoot.fixtures.appendingPathComponent("secrets/" + file)))
            found += check.matches(path: file, content: content).map {
                Hit(file: file, line: $0.line, kind: $0.kind.rawValue)
            }
        }
        let missed = Self.difference(expected, found)
        let falseAlarms = Self.difference(found, expected)
        let files = try Self.fixtureFiles()
        let positiveFiles = Set(expected.map(\.file))
        print(
            """
            Fixtures/secrets: \(expected.count) credentials in \(positiveFiles.count) files, \
            \(files.count - positiveFiles.count) look-alike files; recall \(expected.count - missed.count)/\
            \(expected.count), false alarms \(falseAlarms.count)
            """)
        #expect(missed.isEmpty, "missed: \(missed)")
        #expect(falseAlarms.isEmpty, "false alarms: \(falseAlarms)")
        let kinds = Set(expected.map(\.kind))
        let everyKind = Set(SecretKind.allCases.map(\.rawValue)).subtracting(["npmToken", "npmRegistryCredential"])
        #expect(
            everyKind.subtracting(kinds).subtracting([
                "gitHubFineGrainedToken", "gitLabToken", "slackWebhook",
                "pyPIToken", "googleServiceAccount",
            ]).isEmpty, "kinds without a fixture: \(everyKind.subtracting(kinds))")
    }

    /// The same set through the scan pipeline: one `secret-content` finding per kind and file, nothing else.
    @Test func theScanReportsExactlyTheManifestKinds() throws {
        let context = try TemporaryContext()
        try context.tree.copyFixture("secrets")
        try FileManager.default.removeItem(atPath: context.tree.path("EXPECTED.tsv"))
        let findings = try context.runChecks(enabledIDs: [.secretContent])
        var reported: Set<String> = []
        for finding in findings {
            let kind = try #require(
                SecretKind.allCases.sorted { $0.title.count > $1.title.count }.first {
                    finding.message.hasPrefix($0.title)
                })
            reported.insert("\(finding.path) \(kind.rawValue)")
            #expect(finding.severity == .error)
        }
        #expect(reported == Set(try Self.expected().map { "\($0.file) \($0.kind)" }))
    }

    static func difference(_ left: [Hit], _ right: [Hit]) -> [Hit] {
        var remaining = right
        var result: [Hit] = []
        for hit in left.sorted() {
            if let index = remaining.firstIndex(of: hit) { remaining.remove(at: index) } else { result.append(hit) }
        }
        return result
    }
}
