import CWalk

#if canImport(Glibc)
    import Glibc
#endif

/// The real system calls; each retries EINTR.
@usableFromInline package struct POSIXSystemCalls: SystemCalls {
    package init() {}

    /// open(2) with O_RDONLY | O_DIRECTORY | O_CLOEXEC.
    @usableFromInline package func openRoot(_ path: String) throws(SystemCallError) -> Int32 {
        try retryingInterrupts("open") { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    }

    /// openat(2) with O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC.
    @usableFromInline package func openDirectory(
        at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>
    )
        throws(SystemCallError) -> Int32
    {
        try retryingInterrupts("openat") { openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
    }

    /// openat2(2) with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, through the CWalk shim, retried on EINTR and EAGAIN;
    /// nil on any failure, so the caller's component-wise open reports exactly where and why.
    @usableFromInline package func openDirectoryBeneath(_ root: Int32, path: UnsafePointer<CChar>) -> Int32? {
        while true {
            let descriptor = cwalk_open_directory_beneath(root, path)
            if descriptor >= 0 { return descriptor }
            if errno == EINTR || errno == EAGAIN { continue }
            return nil
        }
    }

    /// getdents64(2), through the CWalk shim.
    @usableFromInline package func readEntries(
        _ directory: Int32, into buffer: UnsafeMutableRawBufferPointer, path: UnsafeBufferPointer<UInt8>
    ) throws(SystemCallError) -> Int {
        try retryingInterrupts("getdents64") { cwalk_getdents64(directory, buffer.baseAddress, buffer.count) }
    }

    /// fstatat(2) with AT_SYMLINK_NOFOLLOW.
    @usableFromInline package func status(
        at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>
    )
        throws(SystemCallError) -> FileStatus
    {
        var buffer = stat()
        _ = try retryingInterrupts("fstatat") { fstatat(parent, name, &buffer, AT_SYMLINK_NOFOLLOW) }
        return FileStatus(buffer)
    }

    /// close(2); its errors are ignored (the descriptor is gone either way and nothing was written).
    @usableFromInline package func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// geteuid(2), getegid(2) and getgroups(2).
    @usableFromInline package func credentials() -> Credentials {
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let filled = groups.withUnsafeMutableBufferPointer { getgroups(Int32($0.count), $0.baseAddress) }
        let supplementary = Array(groups.prefix(Int(max(filled, 0))))
        return Credentials(user: geteuid(), group: getegid(), supplementaryGroups: supplementary)
    }

    /// Calls `body` until it does not fail with EINTR; a negative result becomes a ``SystemCallError``.
    private func retryingInterrupts<Result: BinaryInteger>(_ syscall: String, _ body: () -> Result)
        throws(SystemCallError) -> Result
    {
        while true {
            let result = body()
            if result >= 0 { return result }
            if errno != EINTR { throw SystemCallError(syscall: syscall, errno: errno) }
        }
    }
}
