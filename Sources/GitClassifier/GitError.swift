/// An error raised by the git classifier, with the libgit2 call and message that caused it.
package struct GitError: Error, CustomStringConvertible, Sendable {
    /// The libgit2 function that failed, such as `git_repository_open_ext`.
    package let call: String
    /// libgit2's return code.
    package let code: Int32
    /// libgit2's own message.
    package let message: String

    package var description: String { "\(call) failed: \(message)" }
}
