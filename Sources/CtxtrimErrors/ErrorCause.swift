#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What lay under an error: a failed C call and its errno, a failed library call, another error, or a lower-level
/// problem in words (a parser's own message).
package enum ErrorCause: Sendable, Equatable, CustomStringConvertible {
    /// A C function (`openat`, `rename`) failed with `errno`.
    case systemCall(String, errno: Int32)
    /// A library function (`git_status_list_new`) returned `code`, with the library's own message.
    case libraryCall(String, code: Int32, message: String)
    /// Another error led to this one; a ``CtxtrimError`` is shown as `message [code]`.
    case error(any Error)
    /// The underlying problem in words, such as a YAML parser's or a shell lexer's message.
    case detail(String)

    /// `openat: Permission denied (errno 13)`, `git_status_list_new returned -1: ...`.
    package var description: String {
        switch self {
        case .systemCall(let call, let errno):
            "\(call): \(String(cString: strerror(errno))) (errno \(errno))"
        case .libraryCall(let call, let code, let message):
            "\(call) returned \(code): \(message)"
        case .error(let error):
            String(describing: error)
        case .detail(let text):
            text
        }
    }

    /// The system call's errno, when the cause is one.
    package var errno: Int32? {
        if case .systemCall(_, let errno) = self { return errno }
        return nil
    }

    package static func == (lhs: ErrorCause, rhs: ErrorCause) -> Bool {
        switch (lhs, rhs) {
        case (.systemCall(let a, let x), .systemCall(let b, let y)): a == b && x == y
        case (.libraryCall(let a, let x, let m), .libraryCall(let b, let y, let n)): a == b && x == y && m == n
        case (.error(let a), .error(let b)): String(describing: a) == String(describing: b)
        case (.detail(let a), .detail(let b)): a == b
        default: false
        }
    }
}
