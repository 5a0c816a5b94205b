import Foundation
import Testing

/// Golden files under `Tests/CtxtrimCoreTests/Snapshots/`. With `CTXTRIM_RECORD_SNAPSHOTS=1` the file is rewritten
/// and the test fails, so a re-record is never silent.
enum Snapshot {
    static let directory = ReporterFixtures.packageRoot.appendingPathComponent("Tests/CtxtrimCoreTests/Snapshots")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CTXTRIM_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record(
                "re-recorded \(name); unset CTXTRIM_RECORD_SNAPSHOTS and run again", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(name): run with CTXTRIM_RECORD_SNAPSHOTS=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        Issue.record(
            """
            \(name) differs from its golden file at line \(line + 1):
              expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end of file>")
              actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end of file>")
            (CTXTRIM_RECORD_SNAPSHOTS=1 re-records it)
            """, sourceLocation: sourceLocation)
    }
}
