/// The system calls the walker makes, so tests can inject failures (EACCES, ENOENT) that root would never see.
///
/// Every call gets the path of the entry concerned, relative to the root (empty for the root), only so that an
/// injecting implementation can pick its victims; ``POSIXSystemCalls`` ignores it.
@usableFromInline package protocol SystemCalls: Sendable {
    /// Opens the context root as a directory, following symlinks (BuildKit resolves the root with EvalSymlinks).
    func openRoot(_ path: String) throws(SystemCallError) -> Int32

    /// Opens `name` (a relative path, NUL-terminated) below the directory `parent` without following a final symlink.
    func openDirectory(at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int32

    /// Opens the directory at the relative multi-component `path` below `root` in one call, refusing any symlink on
    /// the way; nil when the system cannot (the walker then opens one component at a time).
    func openDirectoryBeneath(_ root: Int32, path: UnsafePointer<CChar>) -> Int32?

    /// Reads directory records (struct linux_dirent64) into `buffer`; returns the bytes read, 0 at the end.
    func readEntries(_ directory: Int32, into buffer: UnsafeMutableRawBufferPointer, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int

    /// The status of `name` below `parent`, not following a symlink.
    func status(at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> FileStatus

    /// Closes a descriptor this protocol opened.
    func close(_ descriptor: Int32)

    /// Who the walk runs as, for judging whether files are readable.
    func credentials() -> Credentials
}

extension SystemCalls {
    /// By default there is no one-call open: the walker opens a handed-over directory one component at a time.
    @usableFromInline package func openDirectoryBeneath(_ root: Int32, path: UnsafePointer<CChar>) -> Int32? { nil }
}
