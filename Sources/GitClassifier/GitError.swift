/// An error of the git classifier: a stable code, what to do, the path involved and the libgit2 failure behind it.
package struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable identifiers of what went wrong; the raw value never changes between releases.
    package enum Code: String, Sendable, Equatable {
        /// The repository that contains the context could not be opened.
        case openRepository = "git-open-repository"
        /// The context lies in a bare repository, which has no work tree to classify.
        case bareRepository = "git-bare-repository"
        /// The context directory does not resolve to a path inside the repository's work tree.
        case contextOutsideWorkTree = "git-context-outside-work-tree"
        /// libgit2 could not compute the status of the work tree.
        case status = "git-status"
        /// A submodule could not be listed or opened.
        case submodule = "git-submodule"
        /// The status capture did not finish within its time budget.
        case timedOut = "git-timeout"
        /// No thread could be started to run the status capture.
        case thread = "git-thread"
    }

    /// The libgit2 call that failed, its return code and libgit2's own message.
    package struct Cause: Sendable, Equatable, CustomStringConvertible {
        /// The libgit2 function, such as `git_status_list_new`.
        package let call: String
        /// libgit2's return code (a negative `git_error_code`).
        package let returnCode: Int32
        /// libgit2's message for the calling thread, or a generic text when it left none.
        package let message: String

        package var description: String { "\(call) returned \(returnCode): \(message)" }
    }

    package let code: Code
    /// What happened and what the user can do about it.
    package let message: String
    /// The directory involved (the context, a repository or a submodule).
    package let path: String
    package let cause: Cause?

    package var description: String {
        let base = "\(code.rawValue): \(message) (\(path))"
        return cause.map { "\(base): \($0)" } ?? base
    }
}
