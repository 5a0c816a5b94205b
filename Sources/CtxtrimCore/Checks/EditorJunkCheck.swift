/// `editor-junk`: editor and operating-system clutter (`.idea/`, `.vscode/`, `.DS_Store`, swap and backup files).
package struct EditorJunkCheck: EntryCheck, DirectoryCheck {
    static let directoryNames: Set<Substring> = [".idea", ".vscode", ".vs", ".history", ".fleet"]
    static let fileNames: Set<Substring> = [".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini", ".directory"]
    static let fileSuffixes = [".swp", ".swo", "~"]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .editorJunk, title: "Editor or OS junk",
        summary: "Editor settings or operating-system clutter would be sent.",
        defaultSeverity: .info,
        help: """
            These files never belong in an image and change often, invalidating the build cache. Directories \
            `.idea`, `.vscode`, `.vs`, `.history`, `.fleet` (unless git tracks files in them: shared editor \
            settings are a project choice); files `.DS_Store`, `Thumbs.db`, `ehthumbs.db`, `desktop.ini`, \
            `.directory`, `*.swp`, `*.swo`, `*~` and Emacs lock files `.#*`, whatever git thinks of them.
            """,
        subjects: [.file, .symlink, .special, .directory], fixReason: "editor and OS junk",
        yieldsToClaimedDirectories: true,
        examples: [
            .directory("an untracked `.idea/`", triggers: true, .init(path: ".idea", sentFiles: 8, sentBytes: 30_000)),
            .entries("`.DS_Store` deep down", triggers: true, .init(path: "a/b/.DS_Store", kind: .file, size: 6_148)),
            .entries("a Vim swap file", triggers: true, .init(path: "src/.main.c.swp", kind: .file, size: 12_288)),
            .entries("an Emacs lock file", triggers: true, .init(path: "src/.#main.c", kind: .symlink, size: 30)),
            .entries("a backup file `notes.txt~`", triggers: true, .init(path: "notes.txt~", kind: .file, size: 10)),
            .directory(
                "a committed `.vscode/`", triggers: false,
                .init(path: ".vscode", sentFiles: 2, sentBytes: 300, gitClass: .tracked, tracksAnything: true)),
            .entries("`swap.go`", triggers: false, .init(path: "mem/swap.go", kind: .file, size: 300)),
            .entries("`ideas.md`", triggers: false, .init(path: "ideas.md", kind: .file, size: 300)),
        ])

    package func check(_ entry: EntryFacts) -> Finding? {
        guard entry.kind != .directory, let pattern = Self.ignorePattern(forJunkNamed: entry.name) else { return nil }
        return finding(
            about: entry,
            message: "`\(entry.path)` is editor or OS clutter: add `\(pattern)` to .dockerignore.",
            bytes: entry.kind == .file ? entry.size : 0, files: entry.kind == .file ? 1 : 0, suggestion: pattern)
    }

    /// The `.dockerignore` pattern covering a junk file named `name`, or nil when the name is not junk.
    static func ignorePattern(forJunkNamed name: Substring) -> String? {
        if fileNames.contains(name) { return "**/\(name)" }
        if name.hasPrefix(".#"), name.count > 2 { return "**/.#*" }
        guard let suffix = fileSuffixes.first(where: { name.hasSuffix($0) && name.count > $0.count }) else {
            return nil
        }
        return "**/*\(suffix)"
    }

    package func check(_ directory: DirectoryFacts) -> Finding? {
        guard Self.directoryNames.contains(directory.name), directory.sentFiles > 0, !directory.tracksAnything
        else { return nil }
        return finding(
            about: directory,
            message: """
                \(directory.sizeDescription) holds editor settings: add `\(directory.ignorePattern)` to .dockerignore.
                """,
            suggestion: directory.ignorePattern)
    }
}
