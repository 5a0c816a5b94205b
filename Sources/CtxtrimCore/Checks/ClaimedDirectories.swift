/// Directories a directory finding has claimed: findings inside them are not reported again.
package struct ClaimedDirectories: Sendable {
    private var paths: Set<String> = []

    package init() {}

    package mutating func claim(_ path: String) { paths.insert(path) }

    /// Adds another run's claims.
    package mutating func formUnion(_ other: ClaimedDirectories) { paths.formUnion(other.paths) }

    /// Whether a claimed directory lies strictly above `path`.
    package func coversStrictly(_ path: some StringProtocol) -> Bool {
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            if paths.contains(String(current)) { return true }
        }
        return false
    }

    /// Whether `path` is claimed or lies inside a claimed directory.
    package func covers(_ path: some StringProtocol) -> Bool {
        paths.contains(String(path)) || coversStrictly(path)
    }
}
