import ContextWalker

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
