/// Receives what the walk finds. The walker makes one visitor per worker thread and merges them at the end, so a
/// visitor needs no locking; it should fold entries into counts or small summaries rather than one record per file.
@usableFromInline package protocol WalkVisitor<State>: Sendable {
    /// The filter's state type (``WalkFilter/State``).
    associatedtype State: Sendable

    /// Called once for every entry below the root, with the state the filter gave it (for an entry inside a measured
    /// skipped directory, the skipped directory's state). A directory is visited before anything below it.
    mutating func visit(_ entry: WalkEntry, state: State)

    /// Called once for every visited directory, after everything below it was visited and finished.
    mutating func directoryFinished(_ summary: DirectorySummary, state: State)

    /// Called for each soft problem; the walk goes on.
    mutating func diagnostic(_ diagnostic: WalkDiagnostic)

    /// Called once per directory the walk read, when ``WalkOptions/timesDirectories`` is on, on the thread that read it:
    /// the monotonic time its worker spent reading the directory and deciding and visiting its entries (its own
    /// time: subdirectories it entered itself are timed on their own, so times add up across directories). The
    /// opening of a directory handed to another worker is not included. `path` is valid only during the call.
    mutating func directoryTimed(path: UnsafeBufferPointer<UInt8>, state: State, nanoseconds: UInt64)

    /// Folds another worker's visitor into this one. The order of merges is unspecified.
    mutating func merge(_ other: consuming Self)
}

extension WalkVisitor {
    /// Visitors that do not profile ignore directory times.
    @usableFromInline package mutating func directoryTimed(
        path: UnsafeBufferPointer<UInt8>, state: State, nanoseconds: UInt64
    ) {}
}
