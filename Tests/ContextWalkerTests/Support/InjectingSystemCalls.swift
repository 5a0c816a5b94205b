import ContextWalker

#if canImport(Glibc)
    import Glibc
#endif

/// The real system calls, except that chosen calls on chosen paths fail with a chosen errno, and the credentials are
/// whatever the test says: tests run as root, which no chmod can stop.
struct InjectingSystemCalls: SystemCalls {
    /// A call to fail: the C function name ("openat", "getdents64", "fstatat") and the relative path.
    struct Fault: Hashable {
        let syscall: String
        let path: String
    }

    var faults: [Fault: Int32] = [:]
    var injectedCredentials: Credentials?
    private let real = POSIXSystemCalls()

    init(faults: [Fault: Int32] = [:], credentials: Credentials? = nil) {
        self.faults = faults
        self.injectedCredentials = credentials
    }

    private func check(_ syscall: String, _ path: UnsafeBufferPointer<UInt8>) throws(SystemCallError) {
        if let code = faults[Fault(syscall: syscall, path: String(decoding: path, as: UTF8.self))] {
            throw SystemCallError(syscall: syscall, errno: code)
        }
    }

    func openRoot(_ path: String) throws(SystemCallError) -> Int32 { try real.openRoot(path) }

    func openDirectory(at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int32
    {
        try check("openat", path)
        return try real.openDirectory(at: parent, name: name, path: path)
    }

    func readEntries(_ directory: Int32, into buffer: UnsafeMutableRawBufferPointer, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int
    {
        try check("getdents64", path)
        return try real.readEntries(directory, into: buffer, path: path)
    }

    func status(at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> FileStatus
    {
        try check("fstatat", path)
        return try real.status(at: parent, name: name, path: path)
    }

    func close(_ descriptor: Int32) { real.close(descriptor) }

    func credentials() -> Credentials { injectedCredentials ?? real.credentials() }
}
