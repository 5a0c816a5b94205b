/// One fact the integrator feeds a `CheckRun`; examples are written as sequences of these.
package enum CheckEvent: Sendable {
    /// An entry that would be sent (file, directory, symlink or other).
    case entry(EntryFacts)
    /// The bytes of a small file for which `CheckRun.shouldReadContent` said yes.
    case content(EntryFacts, [UInt8])
    /// A directory whose whole subtree has been walked.
    case directoryFinished(DirectoryFacts)
    /// An entry the walker could not read.
    case unreadable(UnreadableEntry)
}
