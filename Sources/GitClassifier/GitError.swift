import CtxtrimErrors

/// An error of the git classifier: a stable code, what went wrong, what to do, the path involved and the libgit2
/// failure behind it. A scan turns it into a `git.*` diagnostic and goes on without git classes.
package struct GitError: CtxtrimError, Sendable, Equatable {
    /// Stable identifiers of what went wrong; the raw value never changes between releases.
    package enum Code: String, ErrorCode {
        /// The repository that contains the context could not be opened.
        case openRepository = "git.open-repository"
        /// The context lies in a bare repository, which has no work tree to classify.
        case bareRepository = "git.bare-repository"
        /// The context directory does not resolve to a path inside the repository's work tree.
        case contextOutsideWorkTree = "git.context-outside-work-tree"
        /// libgit2 could not compute the status of the work tree.
        case status = "git.status"
        /// A submodule could not be listed or opened.
        case submodule = "git.submodule"
        /// The status capture did not finish within its time budget.
        case timedOut = "git.timeout"
        /// No thread could be started to run the status capture.
        case thread = "git.thread"

        package var kind: ErrorKind {
            switch self {
            case .timedOut, .thread: .system
            default: .input
            }
        }
    }

    package let code: Code
    /// What happened. It names no directory: a scan shows it in a diagnostic, whose path is relative (``path``
    /// holds the directory).
    package let message: String
    package let fix: String?
    /// The directory involved (the context, a repository or a submodule).
    package let path: String
    /// The libgit2 call that failed (``ErrorCause/libraryCall(_:code:message:)``), when one did.
    package let cause: ErrorCause?

    /// libgit2's own message, when a libgit2 call failed.
    package var libraryMessage: String? {
        if case .libraryCall(_, _, let message) = cause { return message }
        return nil
    }
}
