/// How the context changed against a baseline report (`--baseline`).
package struct GrowthResult: Sendable, Equatable {
    /// A directory whose sent bytes changed.
    package struct DirectoryChange: Sendable, Equatable {
        package var path: String
        package var before: Int64
        package var after: Int64
        package var delta: Int64 { after.saturatingSubtracting(before) }
    }

    package var baselineBytes: Int64
    package var currentBytes: Int64
    package var baselineFiles: Int
    package var currentFiles: Int
    package var limit: GrowthLimit?
    /// Directories that grew or shrank the most, largest change first.
    package var directories: [DirectoryChange]

    package var delta: Int64 { currentBytes.saturatingSubtracting(baselineBytes) }
    package var exceeded: Bool { limit?.exceeded(baseline: baselineBytes, current: currentBytes) ?? false }
}

extension Int64 {
    /// `self - other`, held to `-Int64.max...Int64.max` instead of trapping (so `abs` of it cannot trap either).
    package func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        if overflow { return other < 0 ? .max : -.max }
        return difference == .min ? -.max : difference
    }
}
