/// A check that looks at one sent entry at a time (name, kind, size, git class, link target).
package protocol EntryCheck: Check {
    /// The finding for `entry`, or nil when it is fine.
    func check(_ entry: EntryFacts) -> Finding?
}
