import ContextWalker
import CtxtrimErrors
import UntrustedText

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
    /// The scanned context relative to its git work tree (`.` at the top), when the report was made in one.
    package var contextPath: String?
    /// The file it was read from, for messages.
    package var file = ""

    /// Why a baseline could not be used: the file, the field (in the report's own names, never a Swift type) and,
    /// for JSON syntax, the line.
    package struct ReadError: CtxtrimError, Sendable, Equatable {
        package enum Code: String, ErrorCode {
            /// The file does not exist.
            case notFound = "baseline.not-found"
            /// The file is not JSON.
            case invalidJSON = "baseline.invalid-json"
            /// JSON, but not a ctxtrim scan report: a field is missing or has the wrong type.
            case notAReport = "baseline.not-a-report"
            /// A report of another schema version.
            case unsupportedSchema = "baseline.unsupported-schema"
            /// A count or size that is fractional, negative or too large.
            case outOfRange = "baseline.out-of-range"
            /// A `scan --all` report: its totals are those of every build together.
            case allBuilds = "baseline.all-builds"
            /// A report of another context of the same repository.
            case otherContext = "baseline.other-context"

            package var kind: ErrorKind { .input }
        }

        package let code: Code
        package let file: String
        /// 1-based line, when the JSON parser gave one.
        package let line: Int?
        /// The field involved, such as `totals.sent.bytes` or `topLevel[2].bytes`.
        package let field: String?
        /// What is wrong, without the location (``message`` adds it).
        package let problem: String
        package let fix: String?
        package let detail: String?

        init(
            _ code: Code, file: String, line: Int? = nil, field: String? = nil, problem: String,
            fix: String? = nil, detail: String? = nil
        ) {
            self.code = code
            self.file = file
            self.line = line
            self.field = field
            self.problem = problem
            self.fix = fix ?? "make a new one with `ctxtrim scan --format json > \(file)`"
            self.detail = detail
        }

        package var message: String { line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)" }
        package var cause: ErrorCause? { detail.map(ErrorCause.detail) }
    }

    /// Reads a JSON scan report.
    package static func load(_ path: String) throws -> Baseline {
        guard let bytes = try InputFile.read(path, kind: .baseline, origin: .user) else {
            throw ReadError(
                .notFound, file: path, problem: "no such baseline file",
                fix: "make one with `ctxtrim scan --format json > \(path)`")
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
            struct Git: Decodable {
                var contextPath: String?
            }
            var schemaVersion: Int
            var totals: Totals
            var topLevel: [Usage]?
            var git: Git?
        }
        /// Only a `scan --all` report has `builds`; its totals add every build up, so it is refused first.
        struct AllBuildsProbe: Decodable {
            struct Anything: Decodable { init(from decoder: any Decoder) throws {} }
            var builds: Anything?
        }
        let report: Report
        do {
            if try JSONDecoder().decode(AllBuildsProbe.self, from: Data(bytes)).builds != nil {
                throw ReadError(
                    .allBuilds, file: file, field: "builds",
                    problem: "a `scan --all` report, whose totals add up every build of the repository",
                    fix: "make the baseline from this build alone: `ctxtrim scan --format json CONTEXT > \(file)`")
            }
            report = try JSONDecoder().decode(Report.self, from: Data(bytes))
        } catch let error as ReadError {
            throw error
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw ReadError(.invalidJSON, file: file, problem: "not a ctxtrim JSON report")
        }
        guard report.schemaVersion == ScanReport.schemaVersion else {
            throw ReadError(
                .unsupportedSchema, file: file, field: "schemaVersion",
                problem:
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
        return Baseline(
            sentBytes: sentBytes, sentFiles: Int(sentFiles), topLevel: topLevel, contextPath: report.git?.contextPath,
            file: file)
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
            .outOfRange, file: file, field: field,
            problem: "\(field) must be a whole number from 0 to \(Int64.max); this is no report ctxtrim wrote")
    }

    /// What is wrong and where, in the report's own field names: never a Swift type or coding key.
    private static func describe(_ error: DecodingError, file: String) -> ReadError {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
                .description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let name = field(context.codingPath + [key])
            return ReadError(
                .notAReport, file: file, field: name, problem: "not a ctxtrim JSON report: \(name) is missing")
        case .typeMismatch(_, let context) where context.codingPath.isEmpty,
            .valueNotFound(_, let context) where context.codingPath.isEmpty:
            return ReadError(
                .notAReport, file: file, problem: "not a ctxtrim JSON report: the top level must be an object")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let name = field(context.codingPath)
            return ReadError(
                .notAReport, file: file, field: name, problem: "not a ctxtrim JSON report: \(name) has the wrong type")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let name = field(context.codingPath)
            return ReadError(
                .outOfRange, file: file, field: name, problem: "\(name) must be a whole number from 0 to \(Int64.max)")
        case .dataCorrupted(let context):
            return ReadError(
                .invalidJSON, file: file, line: jsonLine(context), problem: "not valid JSON")
        default:
            return ReadError(.invalidJSON, file: file, problem: "not valid JSON")
        }
    }

    /// The line a JSON parser names (`... around line 3, column 7.`), if it names one (Darwin's does, Linux's
    /// `JSONDecoder` does not). Only the number is taken from the parser's text, which may hold Swift names.
    private static func jsonLine(_ context: DecodingError.Context) -> Int? {
        for text in [context.debugDescription, context.underlyingError.map { String(describing: $0) } ?? ""] {
            guard let range = text.range(of: "line ") else { continue }
            if let line = Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }) { return line }
        }
        return nil
    }

    /// Refuses a baseline made of another context of the same repository: its growth would compare two different
    /// builds. Reports made outside git (or with `--no-git`) carry no context path and are taken as they are.
    package func ensureSameContext(as report: ScanReport) throws(ReadError) {
        guard let contextPath, let git = report.git, git.repository != nil else { return }
        let current = git.contextPath.isEmpty ? "." : git.contextPath
        guard contextPath != current else { return }
        throw ReadError(
            .otherContext, file: file, field: "git.contextPath",
            problem: """
                a report of the context \(Excerpt.quote(contextPath)), not of \(Excerpt.quote(current)) (paths in the \
                repository)
                """,
            fix: "make the baseline from this context: `ctxtrim scan --format json \(current) > \(file)`")
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
