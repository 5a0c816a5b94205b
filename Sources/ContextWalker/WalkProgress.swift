import Synchronization

/// Entries and bytes walked so far, readable from another thread while the walk runs (for a progress line).
///
/// Updated once per directory, so it lags by at most one directory per worker.
@usableFromInline package final class WalkProgress: Sendable {
    private let entryCount = Atomic<Int>(0)
    private let byteCount = Atomic<Int64>(0)

    package init() {}

    /// Entries visited so far.
    @usableFromInline package var entries: Int { entryCount.load(ordering: .relaxed) }
    /// Sizes of the entries visited so far.
    @usableFromInline package var bytes: Int64 { byteCount.load(ordering: .relaxed) }

    @usableFromInline func add(entries: Int, bytes: Int64) {
        entryCount.wrappingAdd(entries, ordering: .relaxed)
        // `Atomic.add` traps on overflow, and sizes come from the tree: held to Int64.max like every size sum.
        var current = byteCount.load(ordering: .relaxed)
        while true {
            let (exchanged, original) = byteCount.weakCompareExchange(
                expected: current, desired: current.saturatingAdding(bytes), ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
