import UntrustedText

/// A directory whose whole subtree is done, as handed to ``WalkVisitor/directoryFinished(_:state:)``.
///
/// Every directory the walk visits is finished exactly once, after all of its descendants were visited and finished.
@usableFromInline package struct DirectorySummary {
    /// How the walker dealt with a directory's contents.
    @usableFromInline package enum Handling: UInt8, Sendable, Hashable {
        /// Read, with the filter deciding each entry (or, inside a measured skipped directory, without it).
        case entered
        /// Skipped by the filter but read to measure it: everything below counts as excluded.
        case measured
        /// Skipped by the filter and not read: the totals are zero.
        case notEntered
    }

    /// Relative to the root, as in ``WalkEntry/path``; valid only during the call.
    @usableFromInline package let path: UnsafeBufferPointer<UInt8>
    @usableFromInline package let depth: Int
    @usableFromInline package let disposition: EntryDisposition
    @usableFromInline package let handling: Handling
    /// False if the directory could not be opened or read to the end (a diagnostic says why).
    @usableFromInline package let isReadable: Bool
    /// Entries strictly below this directory.
    @usableFromInline package let totals: SubtreeTotals

    @inlinable
    init(
        path: UnsafeBufferPointer<UInt8>, depth: Int, disposition: EntryDisposition, handling: Handling,
        isReadable: Bool, totals: SubtreeTotals
    ) {
        self.path = path
        self.depth = depth
        self.disposition = disposition
        self.handling = handling
        self.isReadable = isReadable
        self.totals = totals
    }

    /// Whether BuildKit sends the directory itself: sent by the filter, or excluded but entered with something sent
    /// below it.
    @usableFromInline package var isSent: Bool {
        switch disposition {
        case .sent: true
        case .excluded: handling == .entered && totals.hasSentEntries
        case .skipped, .insideSkipped: false
        }
    }

    /// The path as a String, non-UTF-8 bytes kept (``LosslessUTF8``).
    @usableFromInline package var pathString: String { LosslessUTF8.decode(path) }
}
