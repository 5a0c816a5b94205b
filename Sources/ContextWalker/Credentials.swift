#if canImport(Glibc)
    import Glibc
#endif

/// The effective user and groups a walk runs as, to judge from mode bits whether a file is readable.
@usableFromInline package struct Credentials: Sendable, Hashable {
    @usableFromInline package var user: UInt32
    @usableFromInline package var group: UInt32
    @usableFromInline package var supplementaryGroups: [UInt32]

    @usableFromInline package init(user: UInt32, group: UInt32, supplementaryGroups: [UInt32]) {
        self.user = user
        self.group = group
        self.supplementaryGroups = supplementaryGroups
    }

    /// Whether these credentials may read a file with this status: root always may; otherwise the owner, group or
    /// other read bit applies, as the kernel checks it (ACLs are not consulted).
    @usableFromInline package func canRead(_ status: FileStatus) -> Bool {
        if user == 0 { return true }
        if status.owner == user { return status.mode & UInt32(S_IRUSR) != 0 }
        if status.group == group || supplementaryGroups.contains(status.group) {
            return status.mode & UInt32(S_IRGRP) != 0
        }
        return status.mode & UInt32(S_IROTH) != 0
    }
}
