import CtxtrimErrors

/// A problem in `.ctxtrim.yml`, with the file, line and key path so the user can go straight to it.
package struct ConfigError: CtxtrimError, Sendable, Equatable {
    package enum Code: String, ErrorCode {
        /// The text is not YAML.
        case invalidYAML = "config.invalid-yaml"
        /// A setting, budget or suppression key ctxtrim does not know.
        case unknownKey = "config.unknown-key"
        /// A check id no check has.
        case unknownCheck = "config.unknown-check"
        /// A value of the wrong shape or out of range.
        case invalidValue = "config.invalid-value"
        /// A required value is absent (a suppression's path or reason).
        case missingValue = "config.missing-value"

        package var kind: ErrorKind { .input }
    }

    package let code: Code
    package let file: String
    /// 1-based line, when known.
    package let line: Int?
    /// Where in the file, in the file's own key names: `budgets.max-size`, `suppressions[1].reason`; nil for the
    /// document itself.
    package let keyPath: String?
    /// What is wrong, without the location (``message`` adds it).
    package let problem: String
    package let fix: String?
    /// The YAML parser's own description of the problem.
    package let detail: String?

    package init(
        _ code: Code, file: String, line: Int?, keyPath: String? = nil, problem: String, fix: String? = nil,
        detail: String? = nil
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.problem = problem
        self.fix = fix
        self.detail = detail
    }

    /// `file:line: problem`.
    package var message: String {
        line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
    }

    package var cause: ErrorCause? { detail.map(ErrorCause.detail) }
}
