import CtxtrimErrors

/// Why `fix --dockerfile --write` wrote nothing (or put the original back).
package struct RewriteWriteError: CtxtrimError, Sendable, Equatable {
    package enum Code: String, ErrorCode {
        /// The Dockerfile is a symlink that leads out of the context, or does not resolve.
        case linkLeavesContext = "rewrite.link-leaves-context"
        /// The Dockerfile is not a regular file.
        case notRegularFile = "rewrite.not-regular-file"
        /// `--keep-original` would replace an existing `Dockerfile.orig`.
        case originalExists = "rewrite.original-exists"
        /// The Dockerfile changed between the proposal and the write.
        case changed = "rewrite.changed"

        package var kind: ErrorKind { .input }
    }

    package let code: Code
    package let message: String
    package let fix: String?

    package init(code: Code, message: String, fix: String? = nil) {
        self.code = code
        self.message = message
        self.fix = fix
    }

    package var cause: ErrorCause? { nil }
}
