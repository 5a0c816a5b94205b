/// Counts over the entries strictly below a directory (or below the root, for the whole walk).
@usableFromInline package struct SubtreeTotals: Sendable, Hashable {
    @usableFromInline package var sentFiles: Int = 0
    /// Includes excluded directories that are sent because something below them is.
    @usableFromInline package var sentDirectories: Int = 0
    @usableFromInline package var sentSymlinks: Int = 0
    /// FIFOs, sockets and devices that are sent.
    @usableFromInline package var sentOther: Int = 0
    /// Sizes of sent entries (regular file bytes plus symlink target lengths).
    @usableFromInline package var sentBytes: Int64 = 0
    /// Non-directory entries not sent: excluded, skipped, or inside a measured skipped directory.
    @usableFromInline package var excludedFiles: Int = 0
    @usableFromInline package var excludedDirectories: Int = 0
    @usableFromInline package var excludedBytes: Int64 = 0
    /// Directories that could not be opened or read completely.
    @usableFromInline package var unreadableDirectories: Int = 0

    @usableFromInline package init() {}

    /// Whether at least one entry below is sent.
    @usableFromInline package var hasSentEntries: Bool { sentFiles + sentDirectories + sentSymlinks + sentOther > 0 }

    /// Adds another subtree's counts to these.
    @usableFromInline package static func += (lhs: inout SubtreeTotals, rhs: SubtreeTotals) {
        lhs.sentFiles += rhs.sentFiles
        lhs.sentDirectories += rhs.sentDirectories
        lhs.sentSymlinks += rhs.sentSymlinks
        lhs.sentOther += rhs.sentOther
        lhs.sentBytes.saturatingAdd(rhs.sentBytes)
        lhs.excludedFiles += rhs.excludedFiles
        lhs.excludedDirectories += rhs.excludedDirectories
        lhs.excludedBytes.saturatingAdd(rhs.excludedBytes)
        lhs.unreadableDirectories += rhs.unreadableDirectories
    }
}
