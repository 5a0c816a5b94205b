import Testing

@testable import CtxtrimCore

@Suite struct ByteCountTests {
    static let formatted: [(Int64, String)] = [
        (0, "0 B"), (512, "512 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (1536, "1.5 KiB"),
        (1_048_576, "1.0 MiB"), (3_500_000_000, "3.3 GiB"), (150 * 1_048_576, "150 MiB"),
    ]

    @Test(arguments: formatted)
    func formats(bytes: Int64, text: String) {
        #expect(ByteCount.format(bytes) == text)
    }

    static let parsed: [(String, Int64)] = [
        ("500", 500), ("10M", 10_485_760), ("1.5GiB", 1_610_612_736), ("200 KB", 200_000), ("2g", 2_147_483_648),
        ("1kb", 1000),
    ]

    @Test(arguments: parsed)
    func parses(text: String, bytes: Int64) {
        #expect(ByteCount.parse(text) == bytes)
    }

    @Test(arguments: ["", "abc", "10X", "-5", "1..2M"])
    func rejects(text: String) {
        #expect(ByteCount.parse(text) == nil)
    }
}

@Suite struct TransferRateTests {
    static let rates: [(String, Double)] = [
        ("100Mbit/s", 12_500_000), ("1Gbps", 125_000_000), ("50MB/s", 50_000_000), ("12.5MiB/s", 13_107_200),
        ("800kbit", 100_000), ("1 Gbit/s", 125_000_000),
    ]

    @Test(arguments: rates)
    func parses(text: String, bytesPerSecond: Double) {
        #expect(TransferRate.parse(text)?.bytesPerSecond == bytesPerSecond)
    }

    @Test(arguments: ["", "fast", "0Mbit/s", "-1MB/s", "10 furlongs"])
    func rejects(text: String) {
        #expect(TransferRate.parse(text) == nil)
    }

    @Test func estimatesAndDescribes() {
        #expect(TransferRate.defaultRate.seconds(for: 125_000_000) == 10)
        #expect(TransferRate.defaultRate.description == TransferRate.defaultDescription)
        #expect(TransferRate.duration(0.42) == "0.4 s")
        #expect(TransferRate.duration(200) == "3 min 20 s")
    }
}
