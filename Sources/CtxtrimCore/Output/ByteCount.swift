/// Human-readable sizes in IEC units (KiB, MiB, ...), as the text reports print them.
package enum ByteCount {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// `1536` → `1.5 KiB`; values under 1 KiB are exact (`512 B`); one decimal below 100 units, none above.
    package static func format(_ bytes: Int64) -> String {
        var value = Double(bytes)
        var unit = 0
        while abs(value) >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let rounded = (value * 10).rounded() / 10
        if rounded >= 100 { return "\(Int(value.rounded())) \(units[unit])" }
        let whole = Int(rounded)
        let tenth = Int(((rounded - Double(whole)) * 10).rounded())
        return "\(whole).\(tenth) \(units[unit])"
    }

    /// Parses `500`, `10M`, `1.5GiB`, `200 KB`, `2g` into bytes. Decimal suffixes (kB, MB, GB) are powers of 1000;
    /// IEC suffixes (KiB) and single letters (K, M, G) are powers of 1024. Returns nil for anything else.
    package static func parse(_ text: String) -> Int64? {
        let trimmed = text.filter { $0 != " " && $0 != "_" }
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let number = Double(digits), number >= 0 else { return nil }
        let suffix = trimmed.dropFirst(digits.count).lowercased()
        let multipliers: [String: Double] = [
            "": 1, "b": 1,
            "k": 1024, "ki": 1024, "kib": 1024, "kb": 1000,
            "m": 1_048_576, "mi": 1_048_576, "mib": 1_048_576, "mb": 1_000_000,
            "g": 1_073_741_824, "gi": 1_073_741_824, "gib": 1_073_741_824, "gb": 1_000_000_000,
            "t": 1_099_511_627_776, "ti": 1_099_511_627_776, "tib": 1_099_511_627_776, "tb": 1_000_000_000_000,
        ]
        guard let multiplier = multipliers[suffix] else { return nil }
        let bytes = number * multiplier
        guard bytes < 9.2e18 else { return nil }
        return Int64(bytes.rounded())
    }
}
