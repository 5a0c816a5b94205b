/// How the walk treated one entry.
@usableFromInline package enum EntryDisposition: UInt8, Sendable, Hashable {
    /// The filter said ``FilterVerdict/send``.
    case sent
    /// The filter said ``FilterVerdict/exclude``. For a directory this is provisional: see ``DirectorySummary/isSent``.
    case excluded
    /// The filter said ``FilterVerdict/skip``.
    case skipped
    /// Inside a skipped directory that the walk measured (``WalkOptions/measureExcluded``); the filter was not asked.
    case insideSkipped
}
