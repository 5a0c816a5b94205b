import Synchronization

/// A directory whose subtree is still being walked; it exists only until the subtree is done.
///
/// `pending` counts the parts not yet done: the reading of the directory itself, plus one per child directory
/// entered. Whichever thread completes the last part finishes the directory and settles it into its parent, so a
/// directory's summary is known exactly when its whole subtree is, whatever threads walked it.
@usableFromInline
final class DirectoryNode<State: Sendable>: Sendable {
    @usableFromInline typealias Progress = DirectoryProgress

    @usableFromInline let parent: DirectoryNode?
    /// The length of the directory's relative path: it is a prefix of every descendant's path, so the thread that
    /// finishes the directory can find the path in its own buffer.
    @usableFromInline let pathLength: Int
    @usableFromInline let depth: Int
    @usableFromInline let disposition: EntryDisposition
    @usableFromInline let handling: DirectorySummary.Handling
    @usableFromInline let state: State
    @usableFromInline let progress = Mutex(Progress())

    @inlinable
    init(
        parent: DirectoryNode?, pathLength: Int, depth: Int, disposition: EntryDisposition,
        handling: DirectorySummary.Handling, state: State
    ) {
        self.parent = parent
        self.pathLength = pathLength
        self.depth = depth
        self.disposition = disposition
        self.handling = handling
        self.state = state
    }

    /// Records a child directory that will settle into this one later.
    @inlinable func addChild() {
        progress.withLock { $0.pending += 1 }
    }

    /// Adds a part's totals and marks it done; returns the final progress if it was the last part.
    @inlinable func settle(adding totals: SubtreeTotals, unreadable: Bool) -> Progress? {
        progress.withLock { progress in
            progress.totals += totals
            if unreadable { progress.isReadable = false }
            progress.pending -= 1
            return progress.pending == 0 ? progress : nil
        }
    }
}
