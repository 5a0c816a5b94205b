import CtxtrimErrors

/// A problem reading a bake file: syntax outside the HCL subset ctxtrim reads, a value of the wrong type, a cycle,
/// or a bound exceeded. Always names the file and, where there is one, the line.
package struct BakeError: CtxtrimError, Equatable, Sendable {
    /// Stable identifiers, for tests and machine output.
    package enum Code: String, ErrorCode {
        case syntax = "bake.syntax"
        case invalidUTF8 = "bake.invalid-utf8"
        case unterminated = "bake.unterminated"
        case unsupported = "bake.unsupported"
        case tooDeep = "bake.too-deep"
        case tooLarge = "bake.too-large"
        case unknownVariable = "bake.unknown-variable"
        case unknownFunction = "bake.unknown-function"
        case badArgument = "bake.bad-argument"
        case badValue = "bake.bad-value"
        case cycle = "bake.cycle"
        case unknownTarget = "bake.unknown-target"

        /// `docker buildx bake` fails on each of them (or ctxtrim cannot know what it would do): an input error.
        package var kind: ErrorKind { .input }
    }

    package let code: Code
    /// What is wrong, without the location (``message`` adds it).
    package let problem: String
    package let fix: String?
    /// The bake file's name as the caller gave it.
    package let file: String
    /// 1-based line, when known.
    package let line: Int?

    package init(_ code: Code, _ problem: String, fix: String? = nil, file: String, line: Int?) {
        self.code = code
        self.problem = problem
        self.fix = fix
        self.file = file
        self.line = line
    }

    /// `file:line: problem`.
    package var message: String {
        line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
    }

    package var cause: ErrorCause? { nil }
}
