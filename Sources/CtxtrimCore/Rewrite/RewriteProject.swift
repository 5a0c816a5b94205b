import UntrustedText

/// The project as the build sees it: the files the context sends (from the scan's listing, so a file the ignore
/// file keeps out is not there) and a reader for their contents, through ``InputFile`` (regular files in the
/// context only, capped).
struct RewriteProject: Sendable {
    /// Context root, absolute and resolved.
    let root: String
    /// Paths of the regular files sent, relative to the root.
    let files: Set<String>

    init(root: String, files: Set<String>) {
        self.root = root
        self.files = files
    }

    /// Whether the context sends `path`.
    func has(_ path: String) -> Bool { files.contains(path) }

    /// The first of `paths` the context sends.
    func first(of paths: [String]) -> String? { paths.first(where: has) }

    /// The text of a sent file, or nil when it is not sent or cannot be read.
    func text(_ path: String) -> String? {
        guard has(path),
            let bytes = try? InputFile.read(
                BuildContext.joined(root, path), kind: .projectFile, origin: .tree(root: root))
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sent files whose name ends with `suffix`, sorted, outside `vendor/`, `testdata/` and `node_modules/`.
    func files(endingWith suffix: String) -> [String] {
        let skipped = ["vendor/", "testdata/", "node_modules/"]
        return files.filter { path in
            path.hasSuffix(suffix)
                && !skipped.contains { path.hasPrefix($0) || path.contains("/" + $0) }
        }.sorted()
    }

    /// The most bytes of sources read to look for cgo or embedded files: a context is untrusted, and a recipe that
    /// cannot read every source refuses rather than guess.
    static let sourceBudget = 64 << 20

    /// The texts of `paths`, or nil when they exceed ``sourceBudget`` together (or one cannot be read).
    func texts(_ paths: [String]) -> [(path: String, text: String)]? {
        var total = 0
        var texts: [(path: String, text: String)] = []
        for path in paths {
            guard let text = self.text(path) else { return nil }
            total += text.utf8.count
            guard total <= Self.sourceBudget else { return nil }
            texts.append((path, text))
        }
        return texts
    }

    /// Top-level directories the context sends.
    var topLevelDirectories: Set<String> {
        Set(files.compactMap { path in path.firstIndex(of: "/").map { String(path[..<$0]) } })
    }
}
