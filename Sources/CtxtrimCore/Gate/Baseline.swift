import ContextWalker

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
                    var files: WholeNumber
                    var bytes: WholeNumber
                }
                var sent: Side
            }
            struct Usage: Decodable {
                var path: String
                var bytes: WholeNumber
            }
            var schemaVersion: Int
            var totals: Totals
            var topLevel: [Usage]?
        }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ReadError(file: file, message: describe(error))
        } catch {
            throw ReadError(
                file: file, message: "not a ctxtrim JSON report; make one with `ctxtrim scan --format json`")
        }
        guard report.schemaVersion == ScanReport.schemaVersion else {
            throw ReadError(
                file: file,
                message:
                    "schemaVersion \(report.schemaVersion) is not supported (this ctxtrim writes \(ScanReport.schemaVersion))"
            )
        }
        let sentBytes = try check(report.totals.sent.bytes, "totals.sent.bytes", file: file)
        let sentFiles = try check(report.totals.sent.files, "totals.sent.files", file: file)
        var topLevel: [String: Int64] = [:]
        for (index, entry) in (report.topLevel ?? []).enumerated() {
            let field = "topLevel[\(index)].bytes"
            let (sum, overflow) = (topLevel[entry.path] ?? 0).addingReportingOverflow(
                try check(entry.bytes, field, file: file))
            guard !overflow else { throw outOfRange(field, file: file) }
            topLevel[entry.path] = sum
        }
        return Baseline(sentBytes: sentBytes, sentFiles: Int(sentFiles), topLevel: topLevel)
    }

    /// A JSON number that is an `Int64` (`value`), or some other number (nil: fractional or out of range).
    private struct WholeNumber: Decodable {
        var value: Int64?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let whole = try? container.decode(Int64.self) {
                value = whole
            } else {
                _ = try container.decode(Double.self)
                value = nil
            }
        }
    }

    /// A count or size from a scan report is a whole number and never negative.
    private static func check(_ number: WholeNumber, _ field: String, file: String) throws -> Int64 {
        guard let value = number.value, value >= 0 else { throw outOfRange(field, file: file) }
        return value
    }

    private static func outOfRange(_ field: String, file: String) -> ReadError {
        ReadError(
            file: file,
            message:
                "\(field) must be a whole number from 0 to \(Int64.max); this is no report ctxtrim wrote, make a new "
                + "one with `ctxtrim scan --format json`")
    }

    /// What is wrong and where, in the report's own field names (no Swift types).
    private static func describe(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
                .description
        }
        let remedy = "make a new one with `ctxtrim scan --format json`"
        switch error {
        case .keyNotFound(let key, let context):
            let name = field(context.codingPath + [key])
            return "not a ctxtrim JSON report: \(name) is missing; \(remedy)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "not a ctxtrim JSON report: \(field(context.codingPath)) has the wrong type; \(remedy)"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let name = field(context.codingPath)
            return "\(name) must be a whole number from 0 to \(Int64.max); \(remedy)"
        default:
            return "not valid JSON; \(remedy)"
        }
    }

    /// The growth from this baseline to `report`, with the top-level entries that changed most.
    package func growth(to report: ScanReport, limit: GrowthLimit?, top: Int = 10) -> GrowthResult {
        var current: [String: Int64] = [:]
        for entry in report.topLevelEntries { current[entry.path, default: 0].saturatingAdd(entry.bytes) }
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
