#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call: which C function, and the errno it set.
@usableFromInline package struct SystemCallError: Error, Hashable, CustomStringConvertible {
    /// The C function, e.g. "openat".
    @usableFromInline package let syscall: String
    @usableFromInline package let errno: Int32

    @usableFromInline package init(syscall: String, errno: Int32) {
        self.syscall = syscall
        self.errno = errno
    }

    @usableFromInline package var description: String {
        "\(syscall): \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
