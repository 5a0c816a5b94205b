/// Lexical helpers for `/`-separated paths relative to the build context root.
package enum ContextPath {
    /// The last component of `path`.
    package static func name(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return path[...] }
        return path[path.index(after: slash)...]
    }

    /// The directory holding `path`: `""` for an entry at the root.
    package static func parent(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path[..<slash]
    }

    /// The first component of `path`.
    package static func topLevel(of path: String) -> Substring {
        guard let slash = path.firstIndex(of: "/") else { return path[...] }
        return path[..<slash]
    }

    /// Whether any directory component of `path` (not its last component) is in `names`.
    package static func hasDirectoryComponent(_ path: String, in names: Set<Substring>) -> Bool {
        var components = path.split(separator: "/", omittingEmptySubsequences: true)
        components.removeLast()
        return components.contains { names.contains($0) }
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
