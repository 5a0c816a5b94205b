import CtxtrimErrors
import UntrustedText

/// Why a walk failed as a whole (soft problems are ``WalkDiagnostic``s instead).
@usableFromInline package struct WalkError: CtxtrimError {
    /// A stable identifier of the failure.
    @usableFromInline package enum Code: String, ErrorCode {
        /// The context root could not be opened as a directory.
        case rootUnreadable = "walk.root-unreadable"
        /// The filter threw; ``WalkError/underlying`` holds its error.
        case filterFailed = "walk.filter-failed"
        /// A worker thread could not be started.
        case threadStartFailed = "walk.thread-start-failed"

        package var kind: ErrorKind {
            switch self {
            case .rootUnreadable, .filterFailed: .input
            case .threadStartFailed: .system
            }
        }
    }

    package let code: Code
    /// What happened, naming the path.
    package let message: String
    package let fix: String?
    /// The root for ``Code/rootUnreadable``; the relative path being decided for ``Code/filterFailed``.
    package let path: String
    /// The filter's error, or the failing system call (a ``SystemCallError``).
    package let underlying: (any Error)?

    /// ``CtxtrimError``'s one-line text, declared here because the generic walk, inlined into its callers so that
    /// they specialize it, throws this error.
    @usableFromInline package var description: String { oneLineText }

    /// The filter failed on `path` (relative to the root). Not inlinable: it names a function of another module.
    @usableFromInline static func filterFailed(path bytes: [UInt8], underlying: any Error) -> WalkError {
        let path = LosslessUTF8.decode(bytes)
        return WalkError(
            code: .filterFailed, message: "deciding '\(path)' failed", fix: "fix the ignore rule the cause names",
            path: path, underlying: underlying)
    }

    @usableFromInline package init(code: Code, message: String, fix: String?, path: String, underlying: (any Error)?) {
        self.code = code
        self.message = message
        self.fix = fix
        self.path = path
        self.underlying = underlying
    }

    package var cause: ErrorCause? {
        switch underlying {
        case nil: nil
        case let call as SystemCallError: .systemCall(call.syscall, errno: call.errno)
        case let other?: .error(other)
        }
    }
}
