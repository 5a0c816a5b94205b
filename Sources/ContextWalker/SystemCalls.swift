/// The system calls the walker makes, so tests can inject failures (EACCES, ENOENT) that root would never see.
///
/// Every call gets the path of the entry concerned, relative to the root (empty for the root), only so that an
/// injecting implementation can pick its victims; ``POSIXSystemCalls`` ignores it.
package protocol SystemCalls: Sendable {
    /// Opens the context root as a directory, following symlinks (BuildKit resolves the root with EvalSymlinks).
    func openRoot(_ path: String) throws(SystemCallError) -> Int32

    /// Opens `name` (a relative path, NUL-terminated) below the directory `parent` without following a final symlink.
    func openDirectory(at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int32

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
