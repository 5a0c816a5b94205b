/// Sums and differences of sizes that clamp instead of trapping.
///
/// Every size comes from the scanned tree, which a stranger controls: one sparse file on tmpfs, XFS or btrfs can
/// claim `Int64.max` bytes (ext4 stops at 16 TiB), so two of them overflow a plain `+` and crash the process. Sizes are
/// summed with these; results stay within `-Int64.max...Int64.max`, so `abs` of one cannot trap either.
extension Int64 {
    /// `self + other`, held to `-Int64.max...Int64.max`.
    @inlinable
    package func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { return other < 0 ? -.max : .max }
        return sum == .min ? -.max : sum
    }

    /// Adds `other`, held to `-Int64.max...Int64.max` (``saturatingAdding(_:)``).
    @inlinable
    package mutating func saturatingAdd(_ other: Int64) {
        self = saturatingAdding(other)
    }

    /// `self - other`, held to `-Int64.max...Int64.max`.
    @inlinable
    package func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        if overflow { return other < 0 ? .max : -.max }
        return difference == .min ? -.max : difference
    }
}

extension Sequence {
    /// The sum of `size` over the elements, held to `-Int64.max...Int64.max` (``Swift/Int64/saturatingAdding(_:)``).
    @inlinable
    package func saturatingSum(_ size: (Element) throws -> Int64) rethrows -> Int64 {
        try reduce(0) { $0.saturatingAdding(try size($1)) }
    }
}
