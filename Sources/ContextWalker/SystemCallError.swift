#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call: which C function, and the errno it set.
package struct SystemCallError: Error, Hashable, CustomStringConvertible {
    /// The C function, e.g. "openat".
    package let syscall: String
    package let errno: Int32

    package init(syscall: String, errno: Int32) {
        self.syscall = syscall
        self.errno = errno
    }

    package var description: String { "\(syscall): \(String(cString: strerror(errno))) (errno \(errno))" }
}
