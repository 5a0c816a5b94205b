/// How long sending a context takes: its bytes over a network rate (`--bandwidth`) plus a cost per file
/// (`--per-file`). Small files dominate real transfers: BuildKit sends every file with its own header and
/// metadata, so 100,000 small files take longer than one file of their total size.
package struct TransferRate: Sendable, Equatable, CustomStringConvertible {
    /// Bytes per second.
    package let bytesPerSecond: Double
    /// Seconds each file costs on top of its bytes.
    package var perFileSeconds: Double

    /// 100 Mbit/s: a typical link from a developer machine or CI runner to a remote builder.
    package static let defaultRate = TransferRate(bytesPerSecond: 12_500_000)
    package static let defaultDescription = "100Mbit/s"
    /// 0.5 ms per file: the order of what a file's header, metadata and acknowledgement cost on such a link. An
    /// assumption, stated and overridable, not a measurement of the user's builder.
    package static let defaultPerFileSeconds = 0.0005
    package static let defaultPerFileDescription = "0.5ms"

    package init(bytesPerSecond: Double, perFileSeconds: Double = TransferRate.defaultPerFileSeconds) {
        self.bytesPerSecond = bytesPerSecond
        self.perFileSeconds = perFileSeconds
    }

    /// Parses `0.5ms`, `2ms`, `100us`, `0.001s`, `0`: the cost per file, from 0 to 10 s.
    package static func parsePerFile(_ text: String) -> Double? {
        let lower = text.lowercased().filter { $0 != " " }
        let number = lower.prefix { $0.asciiDigit != nil || $0 == "." }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let units: [String: Double] = ["": 1, "s": 1, "ms": 1e-3, "us": 1e-6, "µs": 1e-6]
        guard let unit = units[String(lower.dropFirst(number.count))] else { return nil }
        let seconds = value * unit
        return seconds <= 10 ? seconds : nil
    }

    /// Parses `100Mbit/s`, `1Gbps`, `50MB/s`, `12.5MiB/s`, `800kbit`. Bits use decimal prefixes; bytes follow
    /// `ByteCount.parse` (IEC for `MiB`, decimal for `MB`). The `/s` suffix is optional.
    package static func parse(_ text: String) -> TransferRate? {
        var lower = text.lowercased().filter { $0 != " " }
        for suffix in ["/s", "ps"] where lower.hasSuffix(suffix) {
            lower.removeLast(suffix.count)
            break
        }
        let number = lower.prefix { $0.asciiDigit != nil || $0 == "." }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let unit = lower.dropFirst(number.count)
        let bitUnits: [String: Double] = [
            "bit": 1, "b": 1, "kbit": 1e3, "kb": 1e3, "mbit": 1e6, "mb": 1e6, "gbit": 1e9, "gb": 1e9,
        ]
        if text.contains("bit") || text.hasSuffix("bps") {
            guard let multiplier = bitUnits[String(unit)] else { return nil }
            return bounded(value * multiplier / 8)
        }
        guard let bytes = ByteCount.parse(String(number) + unit) else { return nil }
        return bounded(Double(bytes))
    }

    /// The slowest and fastest rates accepted, in bytes per second: 1 byte/s and 1 TB/s. Durations and descriptions
    /// stay in range between them.
    package static let accepted: ClosedRange<Double> = 1...1e12

    private static func bounded(_ bytesPerSecond: Double) -> TransferRate? {
        accepted.contains(bytesPerSecond) ? TransferRate(bytesPerSecond: bytesPerSecond) : nil
    }

    /// Estimated seconds to send `bytes` alone.
    package func seconds(for bytes: Int64) -> Double {
        Double(bytes) / bytesPerSecond
    }

    /// Estimated seconds to send `files` files holding `bytes`: the bytes over the rate plus the per-file cost.
    package func seconds(for bytes: Int64, files: Int) -> Double {
        seconds(for: bytes) + Double(files) * perFileSeconds
    }

    /// `0.5 ms per file`, `no per-file cost`.
    package var perFileDescription: String {
        guard perFileSeconds > 0 else { return "no per-file cost" }
        let millis = perFileSeconds * 1000
        return millis >= 0.1
            ? "\(trimmed(millis)) ms per file" : "\(trimmed(millis * 1000)) µs per file"
    }

    package var description: String {
        let megabits = bytesPerSecond * 8 / 1e6
        return megabits >= 1000 ? "\(trimmed(megabits / 1000))Gbit/s" : "\(trimmed(megabits))Mbit/s"
    }

    private func trimmed(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    /// `0.4 s`, `12 s`, `3 min 20 s`.
    package static func duration(_ seconds: Double) -> String {
        // Int64.max bytes at 1 byte/s is 2^63 s, past what Int holds: say "over a year" before that.
        guard seconds.isFinite, seconds < 31_536_000 else { return "over a year" }
        if seconds < 10 { return "\((seconds * 10).rounded() / 10) s" }
        if seconds < 60 { return "\(Int(seconds.rounded())) s" }
        let total = Int(seconds.rounded())
        return total % 60 == 0 ? "\(total / 60) min" : "\(total / 60) min \(total % 60) s"
    }
}
