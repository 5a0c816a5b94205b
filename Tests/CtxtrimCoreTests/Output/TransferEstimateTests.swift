import Testing

@testable import CtxtrimCore

/// The transfer-time estimate counts files as well as bytes: bytes over the bandwidth plus a cost per file.
@Suite struct TransferEstimateTests {
    @Test(arguments: [
        ("0.5ms", 0.0005), ("2ms", 0.002), ("100us", 0.0001), ("0.001s", 0.001), ("0", 0), ("10s", 10),
    ])
    func perFileDurationsParse(text: String, seconds: Double) {
        #expect(TransferRate.parsePerFile(text).map { abs($0 - seconds) < 1e-12 } == true, "\(text)")
    }

    @Test(arguments: ["", "fast", "-1ms", "11s", "2 minutes", "1e400ms"])
    func badPerFileDurationsAreRefused(text: String) {
        #expect(TransferRate.parsePerFile(text) == nil, "\(text)")
    }

    @Test func smallFilesCostMoreThanTheirBytes() {
        let rate = TransferRate(bytesPerSecond: 12_500_000, perFileSeconds: 0.0005)
        // 100,000 files of 100 bytes: 0.8 s of bytes, 50 s of files.
        #expect(abs(rate.seconds(for: 10_000_000, files: 100_000) - 50.8) < 1e-9)
        #expect(abs(rate.seconds(for: 10_000_000, files: 1) - 0.8005) < 1e-9)
        #expect(rate.perFileDescription == "0.5 ms per file")
        #expect(TransferRate(bytesPerSecond: 1, perFileSeconds: 0).perFileDescription == "no per-file cost")
    }

    @Test func theShrinkSaysWhereTheTimeGoes() throws {
        let shrink = ShrinkReport(
            eligibleBefore: .init(files: 100_000, bytes: 10_000_000), eligibleAfter: .init(files: 10, bytes: 1_000),
            transferredBefore: nil, transferredAfter: nil,
            rate: TransferRate(bytesPerSecond: 12_500_000, perFileSeconds: 0.0005), patterns: 1)
        let text = shrink.text(style: TextStyle(color: false))
        #expect(text.contains("50.8 s → 0.0 s") || text.contains("51 s → 0.0 s"), "\(text)")
        #expect(text.contains("times at 100Mbit/s and 0.5 ms per file (the files' own cost: 50 s of 51 s)"), "\(text)")
        guard case .object(let top) = shrink.json, case .object(let eligible)? = top["eligible"],
            case .object(let before)? = eligible["before"]
        else {
            Issue.record("no eligible side in \(shrink.json)")
            return
        }
        #expect(before["seconds"] == .double(50.8))
        #expect(before["bytesSeconds"] == .double(0.8))
        #expect(before["filesSeconds"] == .double(50))
        #expect(top["perFileSeconds"] == .double(0.0005))
    }
}
