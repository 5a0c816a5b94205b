import CtxtrimErrors

/// Why `ctxtrim fix` refused to write (nothing was changed) or rolled its write back.
package struct FixError: CtxtrimError, Sendable, Equatable {
    package enum Code: String, ErrorCode {
        /// The generated file would drop something the Dockerfile reads.
        case unsafe = "fix.unsafe"
        /// The strategy cannot express what this Dockerfile needs.
        case strategy = "fix.strategy"
        /// Another build reads the same ignore file, but its Dockerfile cannot be read: nothing could be proven for it.
        case sharedBuildUnreadable = "fix.shared-build-unreadable"
        /// The file was written, but the walk after it failed the proof: the original bytes were put back.
        case rolledBack = "fix.rolled-back"

        /// An unsafe result is refused like a broken input; a strategy that cannot work is a wrong command line.
        package var kind: ErrorKind { self == .strategy ? .usage : .input }
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
