/// How much an ignore file change shrinks the context: before and after, for what the ignore file lets through
/// (eligible) and for what BuildKit transfers for this Dockerfile, with estimated transfer times.
package struct ShrinkReport: Sendable, Equatable {
    /// Files and bytes of one side.
    package struct Size: Sendable, Equatable {
        package var files: Int
        package var bytes: Int64

        package init(files: Int, bytes: Int64) {
            self.files = files
            self.bytes = bytes
        }
    }

    package var eligibleBefore: Size
    package var eligibleAfter: Size
    /// Nil without a Dockerfile.
    package var transferredBefore: Size?
    package var transferredAfter: Size?
    package var rate: TransferRate
    /// Pattern lines of the proposed block.
    package var patterns: Int

    package init(
        eligibleBefore: Size, eligibleAfter: Size, transferredBefore: Size?, transferredAfter: Size?,
        rate: TransferRate,
        patterns: Int
    ) {
        self.eligibleBefore = eligibleBefore
        self.eligibleAfter = eligibleAfter
        self.transferredBefore = transferredBefore
        self.transferredAfter = transferredAfter
        self.rate = rate
        self.patterns = patterns
    }

    /// Percentage saved, 0 when nothing was there.
    package static func percentSaved(_ before: Size, _ after: Size) -> Double {
        before.bytes == 0 ? 0 : Double(before.bytes - after.bytes) / Double(before.bytes) * 100
    }

    /// Whether the change sends or transfers fewer bytes than before.
    package var saves: Bool {
        eligibleAfter.bytes < eligibleBefore.bytes
            || (transferredBefore.map { before in transferredAfter.map { $0.bytes < before.bytes } ?? false } ?? false)
    }

    package var changesAnything: Bool {
        eligibleBefore != eligibleAfter || transferredBefore != transferredAfter
    }

    /// Aligned lines: `eligible  3.3 MiB → 27 KiB  (-99.2%, 51 → 12 files)  0.3 s → 0.0 s at 100Mbit/s`.
    package func text(style: TextStyle) -> String {
        var rows: [(String, Size, Size)] = [("eligible", eligibleBefore, eligibleAfter)]
        if let transferredBefore, let transferredAfter {
            rows.append(("transferred", transferredBefore, transferredAfter))
        }
        return rows.map { name, before, after in
            let percent = Self.percentSaved(before, after)
            let change =
                percent == 0
                ? "no change" : percent > 0 ? "-\(Self.oneDecimal(percent))%" : "+\(Self.oneDecimal(-percent))%"
            return "  " + TextLayout.padRight(name, 12) + TextLayout.padLeft(ByteCount.format(before.bytes), 10) + " → "
                + TextLayout.padRight(ByteCount.format(after.bytes), 10) + " "
                + style.green(TextLayout.padLeft(change, 9))
                + "  \(TextLayout.grouped(before.files)) → \(TextLayout.grouped(after.files)) files  "
                + style.dim(
                    "\(TransferRate.duration(rate.seconds(for: before.bytes, files: before.files))) → "
                        + "\(TransferRate.duration(rate.seconds(for: after.bytes, files: after.files)))")
        }.joined(separator: "\n") + "\n" + style.dim("  " + timeBasis) + "\n"
    }

    /// What the times are made of, and where they go: `times at 100Mbit/s and 0.5 ms per file (files: 0.3 s of 0.4 s)`.
    var timeBasis: String {
        let size = transferredBefore ?? eligibleBefore
        let total = rate.seconds(for: size.bytes, files: size.files)
        let files = Double(size.files) * rate.perFileSeconds
        let share =
            total > 0 && rate.perFileSeconds > 0
            ? " (the files' own cost: \(TransferRate.duration(files)) of \(TransferRate.duration(total)))" : ""
        return "times at \(rate) and \(rate.perFileDescription)\(share)"
    }

    package var json: JSONValue {
        func side(_ size: Size?) -> JSONValue {
            size.map {
                .object([
                    "files": .int($0.files), "bytes": .int($0.bytes),
                    "seconds": .double(Self.millis(rate.seconds(for: $0.bytes, files: $0.files))),
                    "bytesSeconds": .double(Self.millis(rate.seconds(for: $0.bytes))),
                    "filesSeconds": .double(Self.millis(Double($0.files) * rate.perFileSeconds)),
                ])
            } ?? .null
        }
        return .object([
            "eligible": .object([
                "before": side(eligibleBefore), "after": side(eligibleAfter),
                "percentSaved": .double(Self.rounded(Self.percentSaved(eligibleBefore, eligibleAfter))),
            ]),
            "transferred": transferredBefore.map { before in
                .object([
                    "before": side(before), "after": side(transferredAfter),
                    "percentSaved": .double(Self.rounded(Self.percentSaved(before, transferredAfter ?? before))),
                ])
            } ?? .null,
            "bandwidthBytesPerSecond": .double(rate.bytesPerSecond),
            "perFileSeconds": .double(rate.perFileSeconds),
            "patterns": .int(patterns),
        ])
    }

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Seconds to the millisecond, for JSON.
    static func millis(_ seconds: Double) -> Double {
        seconds.isFinite ? (seconds * 1000).rounded() / 1000 : 0
    }

    /// One decimal, rounded down so that a tiny remainder never shows as 100%.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }
}
