/// One build as the walk of a build set sees it: where its context lies below the walk root and how it decides
/// entries.
struct BuildSetMember: Sendable {
    /// The context root relative to the walk root, as bytes; empty when the context is the walk root.
    let prefix: [UInt8]
    /// The build's own filter, fed paths relative to its context root.
    let filter: ContextFilter
    /// The build's checks, asked which directories a directory check might flag; nil without findings.
    let checks: CheckRun?

    /// Where paths relative to the context start inside a walk path below the context root.
    var relativeStart: Int { prefix.isEmpty ? 0 : prefix.count + 1 }

    /// Whether a walk-relative path lies strictly below this context's root.
    func contains(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        if prefix.isEmpty { return true }
        guard path.count > prefix.count, path[prefix.count] == UInt8(ascii: "/") else { return false }
        return path.prefix(prefix.count).elementsEqual(prefix)
    }
}
