/// Decides, entry by entry, what the walk sends; the walker itself knows nothing about globs or Docker.
///
/// The filter is called once per entry from the thread that reads the entry's parent directory, with the state the
/// filter returned for that parent (``rootState`` for the root's children). It is never called inside a directory it
/// skipped. Several threads call it at once, so it must be safe to share.
@usableFromInline package protocol WalkFilter: Sendable {
    /// What the filter remembers about a directory for deciding its children (for example, which patterns matched it).
    associatedtype State: Sendable

    /// The state of the context root, which is itself never decided nor visited.
    var rootState: State { get }

    /// Decides one entry from its parent directory's state.
    ///
    /// - Parameter path: relative to the root, '/'-separated, no leading '/'; valid only during the call.
    /// - Throws: any error (for example, a pattern that fails at match time). The walk then stops and rethrows it.
    func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: State) throws -> FilterDecision<State>
}
