/// Lexical helpers for `/`-separated paths relative to the build context root.
///
/// They run for every entry of every build, so they search the UTF-8 bytes for `/` (an ASCII byte never inside
/// another character's encoding) instead of walking grapheme clusters.
package enum ContextPath {
    private static let slash = UInt8(ascii: "/")

    /// The last component of `path`.
    package static func name(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: slash) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The directory holding `path`: `""` for an entry at the root.
    package static func parent(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
        return path[..<slash]
    }

    /// The first component of `path`.
    package static func topLevel(of path: String) -> Substring {
        guard let slash = path.utf8.firstIndex(of: slash) else { return path[...] }
        return path[..<slash]
    }

    /// Whether any directory component of `path` (not its last component) is in `names`.
    package static func hasDirectoryComponent(_ path: String, in names: Set<Substring>) -> Bool {
        let bytes = path.utf8
        var start = bytes.startIndex
        while let end = bytes[start...].firstIndex(of: slash) {
            if end > start, names.contains(path[start..<end]) { return true }
            start = bytes.index(after: end)
        }
        return false
    }

    /// Whether a symlink at `linkPath` with the text `target` points outside the context, resolving `.` and `..`
    /// lexically from the link's directory. An absolute target always leaves: the builder resolves it in its own root.
    package static func linkLeavesContext(linkPath: String, target: String) -> Bool {
        if target.hasPrefix("/") { return true }
        var depth = parent(of: linkPath).split(separator: "/").count
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return true }
            default: depth += 1
            }
        }
        return false
    }

    /// The `.dockerignore` pattern that excludes every entry named like the last component of `path`:
    /// the name itself at the root, `**/name` deeper down.
    package static func ignorePattern(forEntryNamed path: String) -> String {
        path.contains("/") ? "**/\(name(of: path))" : String(path)
    }
}
