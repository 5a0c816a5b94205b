/// Why a walk failed as a whole (soft problems are ``WalkDiagnostic``s instead).
package struct WalkError: Error, CustomStringConvertible {
    /// A stable identifier of the failure.
    package enum Code: String, Sendable {
        /// The context root could not be opened as a directory.
        case rootUnreadable = "walk.root-unreadable"
        /// The filter threw; ``WalkError/cause`` holds its error.
        case filterFailed = "walk.filter-failed"
        /// A worker thread could not be started.
        case threadStartFailed = "walk.thread-start-failed"
    }

    package let code: Code
    /// What happened and what to do about it.
    package let message: String
    /// The root for ``Code/rootUnreadable``; the relative path being decided for ``Code/filterFailed``.
    package let path: String
    /// The filter's error, or the failing system call.
    package let cause: (any Error)?

    package init(code: Code, message: String, path: String, cause: (any Error)?) {
        self.code = code
        self.message = message
        self.path = path
        self.cause = cause
    }

    package var description: String {
        var text = "\(code.rawValue): \(message)"
        if let cause { text += " (cause: \(cause))" }
        return text
    }
}
