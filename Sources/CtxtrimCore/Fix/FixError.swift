import CtxtrimErrors

/// Why `ctxtrim fix` refused to write: nothing was changed.
package struct FixError: CtxtrimError, Sendable, Equatable {
    package enum Code: String, ErrorCode {
        /// The generated file would drop something the Dockerfile reads.
        case unsafe = "fix.unsafe"
        /// The strategy cannot express what this Dockerfile needs.
        case strategy = "fix.strategy"

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
