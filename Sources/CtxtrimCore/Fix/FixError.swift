/// Why `ctxtrim fix` refused to write: nothing was changed.
package struct FixError: Error, CustomStringConvertible, Sendable, Equatable {
    package enum Code: String, Sendable {
        /// The generated file would drop something the Dockerfile reads.
        case unsafe = "fix.unsafe"
        /// The strategy cannot express what this Dockerfile needs.
        case strategy = "fix.strategy"
    }

    package let code: Code
    package let message: String

    package var description: String { message }
}
