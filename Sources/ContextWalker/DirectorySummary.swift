import UntrustedText

/// A directory whose whole subtree is done, as handed to ``WalkVisitor/directoryFinished(_:state:)``.
///
/// Every directory the walk visits is finished exactly once, after all of its descendants were visited and finished.
package struct DirectorySummary {
    /// How the walker dealt with a directory's contents.
    package enum Handling: UInt8, Sendable, Hashable {
        /// Read, with the filter deciding each entry (or, inside a measured skipped directory, without it).
        case entered
        /// Skipped by the filter but read to measure it: everything below counts as excluded.
        case measured
        /// Skipped by the filter and not read: the totals are zero.
        case notEntered
    }

    /// Relative to the root, as in ``WalkEntry/path``; valid only during the call.
    package let path: UnsafeBufferPointer<UInt8>
    package let depth: Int
    package let disposition: EntryDisposition
    package let handling: Handling
    /// False if the directory could not be opened or read to the end (a diagnostic says why).
    package let isReadable: Bool
    /// Entries strictly below this directory.
    package let totals: SubtreeTotals

    /// Whether BuildKit sends the directory itself: sent by the filter, or excluded but entered with something sent
    /// below it.
    package var isSent: Bool {
        switch disposition {
        case .sent: true
        case .excluded: handling == .entered && totals.hasSentEntries
        case .skipped, .insideSkipped: false
        }
    }

    /// The path as a String, non-UTF-8 bytes kept (``LosslessUTF8``).
    package var pathString: String { LosslessUTF8.decode(path) }
}
