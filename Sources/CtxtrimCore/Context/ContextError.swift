import CtxtrimErrors

/// An error in setting up a build context: a missing directory, a missing ignore file or config file the user named.
package struct ContextError: CtxtrimError, Sendable, Equatable {
    /// Stable identifiers, for tests and machine output.
    package enum Code: String, ErrorCode {
        case contextNotFound = "context.not-found"
        case contextNotDirectory = "context.not-directory"
        case dockerfileNotFound = "context.dockerfile-not-found"
        case unreadableFile = "context.file-not-found"

        package var kind: ErrorKind { .input }
    }

    package let code: Code
    /// The path the user gave (or the default that was tried).
    package let path: String
    /// What went wrong, naming the path.
    package let message: String
    package let fix: String?

    package init(code: Code, path: String, message: String, fix: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.fix = fix
    }

    package var cause: ErrorCause? { nil }
}
