import Foundation

/// The checkout this test build came from, found once from this source file (`Tests/TestSupport/`), so tests read
/// `Fixtures/`, schemas and documents by path and golden files are re-recorded in place.
public enum PackageRoot {
    /// The package root directory.
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The top-level `Fixtures/` directory.
    public static var fixtures: URL { url.appendingPathComponent("Fixtures") }

    /// `relative` (such as `schemas/scan-report.schema.json`) inside the package.
    public static func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// The text of `relative` inside the package.
    public static func read(_ relative: String) throws -> String {
        try String(contentsOf: file(relative), encoding: .utf8)
    }
}
