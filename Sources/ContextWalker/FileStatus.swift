#if canImport(Glibc)
    import Glibc
#endif

/// The parts of `struct stat` the walker uses.
package struct FileStatus: Sendable, Hashable {
    /// `st_mode`: file type and permission bits.
    package var mode: UInt32
    /// `st_size`.
    package var size: Int64
    package var owner: UInt32
    package var group: UInt32

    package init(mode: UInt32, size: Int64, owner: UInt32, group: UInt32) {
        self.mode = mode
        self.size = size
        self.owner = owner
        self.group = group
    }

    /// The entry kind the file type bits describe.
    package var kind: EntryKind {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): .file
        case UInt32(S_IFDIR): .directory
        case UInt32(S_IFLNK): .symlink
        default: .other
        }
    }
}
