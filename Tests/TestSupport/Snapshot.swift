import Foundation

/// Golden files: `Tests/<test target>/Snapshots/<name>`, beside the tests that compare with them.
///
/// With `CTXTRIM_RECORD_SNAPSHOTS=1` the file is rewritten and the comparison still fails, so a re-record is never
/// silent and never passes CI. A mismatch is thrown (and so fails the test) with the first differing line.
public enum Snapshot {
    /// The variable that re-records golden files.
    public static let recordVariable = "CTXTRIM_RECORD_SNAPSHOTS"

    /// Why a comparison failed.
    public struct Mismatch: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `Snapshots` directory of the test target `testFile` belongs to.
    public static func directory(for testFile: String) -> URL {
        var url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        while url.deletingLastPathComponent().lastPathComponent != "Tests", url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("Snapshots")
    }

    /// Compares `actual` with the golden file `name`; throws ``Mismatch`` when they differ, when the file is
    /// missing, and after re-recording it.
    public static func expect(_ actual: String, matches name: String, testFile: String = #filePath) throws {
        let directory = directory(for: testFile)
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            throw Mismatch(description: "re-recorded \(name); unset \(recordVariable) and run again")
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            throw Mismatch(description: "no golden file \(url.path): run with \(recordVariable)=1 to record it")
        }
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        throw Mismatch(
            description: """
                \(name) differs from its golden file at line \(line + 1):
                  expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end of file>")
                  actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end of file>")
                (\(recordVariable)=1 re-records it)
                """)
    }
}
