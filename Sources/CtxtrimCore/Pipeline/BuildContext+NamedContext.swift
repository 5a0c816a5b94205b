extension BuildContext {
    /// `path` (absolute, symlinks resolved) as seen from the directory `base` (likewise): a relative path with `..`
    /// steps where it leaves `base`, `.` for `base` itself. How a named context's findings name their paths, from
    /// the build's context root.
    static func relativeDisplay(of path: String, from base: String) -> String {
        let target = path.split(separator: "/")
        let origin = base.split(separator: "/")
        var common = 0
        while common < target.count, common < origin.count, target[common] == origin[common] { common += 1 }
        let steps = Array(repeating: "..", count: origin.count - common) + target[common...].map(String.init)
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    /// `path` below `prefix`, where a prefix of `.` adds nothing.
    static func prefixed(_ path: String, with prefix: String) -> String {
        if prefix == "." { return path }
        if path == "." || path.isEmpty { return prefix }
        return prefix + "/" + path
    }
}
