/// A sent file or directory that an ignore file could keep out as one unit, with what it weighs.
package struct ExclusionCandidate: Sendable, Hashable {
    /// Relative to the context root.
    package var path: String
    package var isDirectory: Bool
    /// Sent bytes of the entry (for a directory: its whole sent subtree).
    package var bytes: Int64
    /// Sent regular files of the entry.
    package var files: Int

    package init(path: String, isDirectory: Bool, bytes: Int64, files: Int) {
        self.path = path
        self.isDirectory = isDirectory
        self.bytes = bytes
        self.files = files
    }
}
