/// An error in setting up a build context: a missing directory, an unreadable ignore file or Dockerfile.
package struct ContextError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable identifiers, for tests and machine output.
    package enum Code: String, Sendable {
        case contextNotFound = "context-not-found"
        case contextNotDirectory = "context-not-directory"
        case dockerfileNotFound = "dockerfile-not-found"
        case unreadableFile = "unreadable-file"
    }

    package let code: Code
    /// The path the user gave (or the default that was tried).
    package let path: String
    /// What went wrong and how to fix it.
    package let message: String

    package var description: String { message }
}
