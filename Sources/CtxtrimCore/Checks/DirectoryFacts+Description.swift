extension DirectoryFacts {
    /// `` `dist/` (120 files, 3.4 MB) `` for messages.
    var sizeDescription: String {
        "`\(path)/` (\(sentFiles) \(sentFiles == 1 ? "file" : "files"), \(ByteCount.format(sentBytes)))"
    }

    /// The `.dockerignore` pattern that excludes directories named like this one.
    var ignorePattern: String { ContextPath.ignorePattern(forEntryNamed: path) }
}
