extension GrowthResult {
    /// `sent context grew by 30 MiB (+25.0%), from 120 MiB to 150 MiB, over the 10% limit (max-growth)`.
    package var summary: String {
        let sign = delta >= 0 ? "+" : "-"
        var text =
            "sent context \(delta >= 0 ? "grew" : "shrank") by \(ByteCount.format(abs(delta)))"
        if let percent = percentChange { text += " (\(sign)\(GrowthResult.oneDecimal(abs(percent)))%)" }
        text += ", from \(ByteCount.format(baselineBytes)) to \(ByteCount.format(currentBytes))"
        if let limit {
            text += exceeded ? ", over the \(limit) limit (max-growth)" : ", within the \(limit) limit (max-growth)"
        }
        return text
    }

    /// The change in percent of the baseline, or nil for an empty baseline.
    package var percentChange: Double? {
        baselineBytes > 0 ? Double(delta) / Double(baselineBytes) * 100 : nil
    }

    /// `12.5`, `3.0`: one decimal, rounded half away from zero.
    static func oneDecimal(_ value: Double) -> String {
        // A baseline of a few bytes against a huge context: past Int's range.
        guard value.isFinite, abs(value) < 1e15 else { return value > 0 ? "1e15+" : "-1e15+" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
