import Synchronization

/// A directory whose subtree is still being walked; it exists only until the subtree is done.
///
/// `pending` counts the parts not yet done: the reading of the directory itself, plus one per child directory
/// entered. Whichever thread completes the last part finishes the directory and settles it into its parent, so a
/// directory's summary is known exactly when its whole subtree is, whatever threads walked it.
final class DirectoryNode<State: Sendable>: Sendable {
    /// The running totals and the parts still pending.
    struct Progress {
        var totals = SubtreeTotals()
        var pending = 1
        var isReadable = true
    }

    let parent: DirectoryNode?
    /// The length of the directory's relative path: it is a prefix of every descendant's path, so the thread that
    /// finishes the directory can find the path in its own buffer.
    let pathLength: Int
    let depth: Int
    let disposition: EntryDisposition
    let handling: DirectorySummary.Handling
    let state: State
    private let progress = Mutex(Progress())

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
    func addChild() {
        progress.withLock { $0.pending += 1 }
    }

    /// Adds a part's totals and marks it done; returns the final progress if it was the last part.
    func settle(adding totals: SubtreeTotals, unreadable: Bool) -> Progress? {
        progress.withLock { progress in
            progress.totals += totals
            if unreadable { progress.isReadable = false }
            progress.pending -= 1
            return progress.pending == 0 ? progress : nil
        }
    }
}
