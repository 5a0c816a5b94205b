#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stored scan report (`ctxtrim scan --format json > baseline.json`), read back for `--baseline`.
package struct Baseline: Sendable, Equatable {
    package var sentBytes: Int64
    package var sentFiles: Int
    /// Sent bytes per top-level entry, when the report has them.
    package var topLevel: [String: Int64]

    /// Why a baseline could not be used.
    package struct ReadError: Error, CustomStringConvertible, Sendable {
        package let file: String
        package let message: String
        package var description: String { "\(file): \(message)" }
    }

    /// Reads a JSON scan report.
    package static func load(_ path: String) throws -> Baseline {
        guard let bytes = try InputFile.read(path, kind: .baseline, origin: .user) else {
            throw ReadError(file: path, message: "no such file; make one with `ctxtrim scan --format json > \(path)`")
        }
        return try parse(bytes, file: path)
    }

    package static func parse(_ bytes: [UInt8], file: String) throws -> Baseline {
        struct Report: Decodable {
            struct Totals: Decodable {
                struct Side: Decodable {
                    var files: Int
                    var bytes: Int64
                }
                var sent: Side
            }
            struct Usage: Decodable {
                var path: String
                var bytes: Int64
            }
            var schemaVersion: Int
            var totals: Totals
            var topLevel: [Usage]?
        }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(bytes))
        } catch {
            throw ReadError(file: file, message: "not a ctxtrim JSON report (\(error))")
        }
        guard report.schemaVersion == ScanReport.schemaVersion else {
            throw ReadError(
                file: file,
                message:
                    "schemaVersion \(report.schemaVersion) is not supported (this ctxtrim writes \(ScanReport.schemaVersion))"
            )
        }
        return Baseline(
            sentBytes: report.totals.sent.bytes, sentFiles: report.totals.sent.files,
            topLevel: Dictionary((report.topLevel ?? []).map { ($0.path, $0.bytes) }, uniquingKeysWith: +))
    }

    /// The growth from this baseline to `report`, with the top-level entries that changed most.
    package func growth(to report: ScanReport, limit: GrowthLimit?, top: Int = 10) -> GrowthResult {
        var current: [String: Int64] = [:]
        for entry in report.topLevelEntries { current[entry.path, default: 0] += entry.bytes }
        var changes: [GrowthResult.DirectoryChange] = []
        for path in Set(current.keys).union(topLevel.keys) {
            let change = GrowthResult.DirectoryChange(
                path: path, before: topLevel[path] ?? 0, after: current[path] ?? 0)
            if change.delta != 0 { changes.append(change) }
        }
        changes.sort { lhs, rhs in
            let (left, right) = (lhs.delta.magnitude, rhs.delta.magnitude)
            return left != right ? left > right : lhs.path < rhs.path
        }
        return GrowthResult(
            baselineBytes: sentBytes, currentBytes: report.sent.bytes, baselineFiles: sentFiles,
            currentFiles: report.sent.files, limit: limit, directories: Array(changes.prefix(top)))
    }
}
