/// Context-relative paths as BuildKit resolves `COPY`/`ADD`/bind-mount sources against the context root.
enum ContextPath {
    /// The cleaned segments of `path` taken from the context root: leading `/` and `./` dropped, `.` removed, `..`
    /// applied and clamped at the root (BuildKit resolves sources inside the context, so `../x` is `x`).
    static func segments(of path: String) -> [Substring] {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments
    }

    /// The cleaned path, `.` for the root.
    static func normalized(_ path: String) -> String {
        let segments = segments(of: path)
        return segments.isEmpty ? "." : segments.joined(separator: "/")
    }

    /// BuildKit's `containsWildcards`: an unescaped `*`, `?` or `[`.
    static func containsWildcards(_ path: String) -> Bool {
        var escaped = false
        for scalar in path.unicodeScalars {
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "*" || scalar == "?" || scalar == "[" {
                return true
            }
        }
        return false
    }
}
