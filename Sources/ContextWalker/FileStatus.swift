#if canImport(Glibc)
    import Glibc
#endif

/// The parts of `struct stat` the walker uses.
@usableFromInline package struct FileStatus: Sendable, Hashable {
    /// `st_mode`: file type and permission bits.
    @usableFromInline package var mode: UInt32
    /// `st_size`.
    @usableFromInline package var size: Int64
    @usableFromInline package var owner: UInt32
    @usableFromInline package var group: UInt32

    @usableFromInline package init(mode: UInt32, size: Int64, owner: UInt32, group: UInt32) {
        self.mode = mode
        self.size = size
        self.owner = owner
        self.group = group
    }

    /// The entry kind the file type bits describe.
    @usableFromInline package var kind: EntryKind {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): .file
        case UInt32(S_IFDIR): .directory
        case UInt32(S_IFLNK): .symlink
        default: .other
        }
    }
}
