import CtxtrimErrors

/// A problem finding or scanning the builds of a repository: a malformed compose file, a context outside the root.
package struct MonorepoError: CtxtrimError, Sendable, Equatable {
    /// Stable identifiers, for tests and machine output.
    package enum Code: String, ErrorCode {
        case malformedCompose = "monorepo.malformed-compose"
        case contextNotFound = "monorepo.context-not-found"
        case contextOutsideRoot = "monorepo.context-outside-root"
        case rootNotFound = "monorepo.root-not-found"
        /// A `${VAR:?message}` in a build field, `include:` or `extends:` whose variable has no value.
        case requiredVariable = "monorepo.compose-required-variable"
        /// An `include:`, `extends: {file:}`, `env_file`, `COMPOSE_FILE`, `--compose-file` or `--env-file` naming
        /// nothing.
        case composeFileNotFound = "monorepo.compose-file-not-found"
        /// An `include:`, `extends: {file:}` or `env_file` path leaving the scanned root (or a link to outside it):
        /// never read.
        case composeFileOutsideRoot = "monorepo.compose-file-outside-root"
        /// `extends:` or `include:` in a cycle, or nested deeper than ctxtrim follows.
        case composeCycle = "monorepo.compose-cycle"

        package var kind: ErrorKind { .input }
    }

    package let code: Code
    /// The file involved, relative to the repository root when inside it.
    package let file: String
    /// 1-based line, when known.
    package let line: Int?
    /// What went wrong, without the location (``message`` adds it).
    package let problem: String
    package let fix: String?
    /// The underlying error's text (a YAML parser's problem, for example).
    package let detail: String?

    package init(
        code: Code, file: String, line: Int? = nil, message: String, fix: String? = nil, cause: String? = nil
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.problem = message
        self.fix = fix
        self.detail = cause
    }

    /// `file:line: problem`.
    package var message: String {
        line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
    }

    package var cause: ErrorCause? { detail.map(ErrorCause.detail) }
}
