import ContextWalker

#if canImport(Glibc)
    import Glibc
#endif

extension WalkEntry {
    /// Whether this is the first entry of its branch whose absolute path reaches PATH_MAX (4,096 bytes on Linux).
    /// BuildKit walks the context by path, so it cannot send such an entry and the build fails.
    ///
    /// - Parameter rootLength: the byte length of the absolute walk root.
    func isFirstBeyondPathLimit(rootLength: Int) -> Bool {
        let limit = Int(PATH_MAX)
        let parentLength = nameStart > 0 ? nameStart - 1 : 0
        return rootLength + 1 + path.count >= limit && rootLength + 1 + parentLength < limit
    }
}

extension UnreadableEntry {
    /// The reason given for an entry below the path limit.
    static let pathTooLongReason = "its absolute path is longer than PATH_MAX (4,096 bytes), so BuildKit cannot open it"
}
