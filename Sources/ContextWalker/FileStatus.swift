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
    /// `st_dev` and `st_ino`: which file this is, while it exists.
    @usableFromInline package var device: UInt64 = 0
    @usableFromInline package var inode: UInt64 = 0
    /// `st_mtim` and `st_ctim` in nanoseconds since the epoch: with the identity and size, what tells that the
    /// content may have changed (as git's index decides).
    @usableFromInline package var modified: Int64 = 0
    @usableFromInline package var changed: Int64 = 0

    @usableFromInline package init(mode: UInt32, size: Int64, owner: UInt32, group: UInt32) {
        self.mode = mode
        self.size = size
        self.owner = owner
        self.group = group
    }

    /// Every field of a `struct stat` the walker keeps.
    @usableFromInline package init(_ status: stat) {
        self.init(
            mode: UInt32(status.st_mode), size: Int64(status.st_size), owner: status.st_uid, group: status.st_gid)
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        modified = Self.nanoseconds(status.st_mtim)
        changed = Self.nanoseconds(status.st_ctim)
    }

    @usableFromInline static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000).partialValue &+ Int64(time.tv_nsec)
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
