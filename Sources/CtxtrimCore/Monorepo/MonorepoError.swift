/// A problem finding or scanning the builds of a repository: a malformed compose file, a context outside the root.
package struct MonorepoError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable identifiers, for tests and machine output.
    package enum Code: String, Sendable {
        case malformedCompose = "malformed-compose"
        case contextNotFound = "context-not-found"
        case contextOutsideRoot = "context-outside-root"
        case rootNotFound = "root-not-found"
    }

    package let code: Code
    /// The file involved, relative to the repository root when inside it.
    package let file: String
    /// 1-based line, when known.
    package let line: Int?
    /// What went wrong and how to fix it.
    package let message: String
    /// The underlying error's text (a YAML parser's problem, for example).
    package let cause: String?

    package init(code: Code, file: String, line: Int? = nil, message: String, cause: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
        self.cause = cause
    }

    package var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return cause.map { "\(location): \(message) (\($0))" } ?? "\(location): \(message)"
    }
}
