import Testing

@testable import CtxtrimCore

/// Every number a user or a file supplies is parsed with overflow checks: exact results or a named error, never a trap.
@Suite struct UserNumberTests {
    static let sizes: [(String, Int64)] = [
        ("9223372036854775807", .max), ("8388607T", 8_388_607 << 40), ("0", 0), ("0.5KiB", 512),
        ("9007199254740993", 9_007_199_254_740_993), ("1_000kb", 1_000_000),
    ]

    @Test(arguments: sizes)
    func sizesAreExactUpToInt64Max(text: String, bytes: Int64) throws {
        #expect(try ByteCount.read(text) == bytes)
    }

    static let badSizes: [(String, ByteCount.ParseError)] = [
        ("9223372036854775808", .tooLarge), ("8388608T", .tooLarge), ("8388607.9999999999999T", .tooLarge),
        ("99999999999999999999999", .tooLarge), ("-5MB", .negative), ("-0", .negative), ("", .malformed),
        ("١٢٣", .malformed), ("1e9", .malformed), ("inf", .malformed), (".", .malformed),
    ]

    @Test(arguments: badSizes)
    func badSizesSayWhy(text: String, problem: ByteCount.ParseError) {
        #expect(throws: problem) { try ByteCount.read(text) }
        #expect(ByteCount.parse(text) == nil)
    }

    @Test func counts() throws {
        #expect(try ByteCount.count("20_000") == 20_000)
        #expect(try ByteCount.count("9223372036854775807") == .max)
        #expect(throws: ByteCount.ParseError.tooLarge) { try ByteCount.count("9223372036854775808") }
        #expect(throws: ByteCount.ParseError.negative) { try ByteCount.count("-1") }
        #expect(throws: ByteCount.ParseError.malformed) { try ByteCount.count("1.5") }
        #expect(throws: ByteCount.ParseError.malformed) { try ByteCount.count("10k") }
    }

    @Test func percentagesArePlainFiniteDecimals() throws {
        #expect(try GrowthLimit.read("2.5%") == .percent(2.5))
        #expect(try GrowthLimit.read("100000%") == .percent(100_000))
        #expect(throws: ByteCount.ParseError.tooLarge) { try GrowthLimit.read("100001%") }
        #expect(throws: ByteCount.ParseError.negative) { try GrowthLimit.read("-1%") }
        for text in ["inf%", "nan%", "1e400%", "0x10%", "%", "5MB%"] {
            #expect(throws: ByteCount.ParseError.malformed, "\(text)") { try GrowthLimit.read(text) }
        }
        #expect(GrowthLimit.percent(.infinity).description == "inf%")
    }

    @Test func growthNeverTraps() {
        #expect(GrowthLimit.bytes(0).exceeded(baseline: .min, current: .max))
        #expect(!GrowthLimit.bytes(0).exceeded(baseline: .max, current: .min))
        #expect(GrowthLimit.percent(10).exceeded(baseline: 1, current: .max))
        let growth = GrowthResult(
            baselineBytes: .min, currentBytes: .max, baselineFiles: 0, currentFiles: 0, limit: nil, directories: [])
        #expect(growth.delta == .max)
        let shrink = GrowthResult(
            baselineBytes: 1, currentBytes: .max, baselineFiles: 0, currentFiles: 0, limit: .percent(1),
            directories: [])
        #expect(shrink.summary.contains("1e15+%"))
        #expect(Int64.max.saturatingSubtracting(.min) == .max)
        #expect(Int64.min.saturatingSubtracting(.max) == -.max)
        #expect(Int64.min.saturatingSubtracting(0) == -.max)
    }

    @Test func ratesStayInRange() {
        #expect(TransferRate.parse("8bit/s")?.bytesPerSecond == 1)
        #expect(TransferRate.parse("7bit/s") == nil)
        #expect(TransferRate.parse("1TB/s")?.bytesPerSecond == 1e12)
        #expect(TransferRate.parse("2TB/s") == nil)
        #expect(TransferRate.parse(String(repeating: "9", count: 400) + "bit/s") == nil)
        #expect(TransferRate.duration(Double(Int64.max)) == "over a year")
        #expect(TransferRate.duration(.infinity) == "over a year")
    }

    /// The largest-directories choice compares sizes near Int64.max without overflowing.
    @Test func responsibleDirectoriesOfHugeSizes() {
        let huge: [ScanReport.DirectoryUsage] = [
            .init(path: "a", bytes: .max, files: 1), .init(path: "a/b", bytes: .max - 1, files: 1),
        ]
        #expect(ReportAssembly.responsibleDirectories(huge, limit: 10).map(\.path) == ["a/b"])
    }
}

/// A baseline file is input from a stranger: its numbers are checked, never trusted.
@Suite struct BaselineBoundsTests {
    static func json(bytes: String = "10", files: String = "1", topLevel: String = "[]") -> [UInt8] {
        Array(
            #"{"schemaVersion":1,"totals":{"sent":{"files":\#(files),"bytes":\#(bytes)}},"topLevel":\#(topLevel)}"#
                .utf8)
    }

    static let bad: [([UInt8], String)] = [
        (json(bytes: "-9223372036854775808"), "totals.sent.bytes must be a whole number from 0 to"),
        (json(bytes: "-1"), "totals.sent.bytes must be a whole number from 0 to"),
        (json(files: "-1"), "totals.sent.files must be a whole number from 0 to"),
        (json(bytes: "1e30"), "totals.sent.bytes must be a whole number from 0 to"),
        (json(bytes: "9223372036854775808"), "totals.sent.bytes must be a whole number from 0 to"),
        (json(topLevel: #"[{"path":"a","bytes":-5}]"#), "topLevel[0].bytes must be a whole number"),
        (
            json(topLevel: #"[{"path":"a","bytes":9223372036854775807},{"path":"a","bytes":1}]"#),
            "topLevel[1].bytes must be a whole number"
        ),
        (json(bytes: #""ten""#), "totals.sent.bytes has the wrong type"),
        (Array(#"{"schemaVersion":1}"#.utf8), "totals is missing"),
        (json(bytes: "1.5"), "totals.sent.bytes must be a whole number from 0 to"),
    ]

    @Test(arguments: bad)
    func badNumbersNameTheFileAndField(bytes: [UInt8], message: String) {
        do {
            _ = try Baseline.parse(bytes, file: "base.json")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("base.json: "), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
            #expect(!"\(error)".contains("Int64"), "no Swift type names: \(error)")
        }
    }

    @Test func largestValuesAreAccepted() throws {
        let baseline = try Baseline.parse(
            Self.json(
                bytes: "9223372036854775807",
                topLevel: #"[{"path":"a","bytes":9223372036854775806},{"path":"a","bytes":1}]"#),
            file: "base.json")
        #expect(baseline.sentBytes == .max)
        #expect(baseline.topLevel["a"] == .max)
    }
}
