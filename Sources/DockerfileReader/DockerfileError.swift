import CtxtrimErrors

/// An error in a Dockerfile or in the request made of it, with the file and line involved.
///
/// `code` is stable and safe to match on; `message` says what is wrong, `fix` what to do about it.
package struct DockerfileError: CtxtrimError, Equatable, Sendable {
    /// The stable kind of problem.
    package enum Code: String, ErrorCode {
        case invalidEscapeToken = "dockerfile.invalid-escape-token"
        case duplicateDirective = "dockerfile.duplicate-directive"
        case noInstructions = "dockerfile.no-instructions"
        case unknownInstruction = "dockerfile.unknown-instruction"
        case missingFrom = "dockerfile.missing-from"
        case missingArguments = "dockerfile.missing-arguments"
        case badJSONArray = "dockerfile.bad-json-array"
        case unterminatedHeredoc = "dockerfile.unterminated-heredoc"
        case heredocDestination = "dockerfile.heredoc-destination"
        case unknownFlag = "dockerfile.unknown-flag"
        case badFlagValue = "dockerfile.bad-flag-value"
        case duplicateFlag = "dockerfile.duplicate-flag"
        case invalidStageName = "dockerfile.invalid-stage-name"
        case invalidStageReference = "dockerfile.invalid-stage-reference"
        case badSubstitution = "dockerfile.bad-substitution"
        case badPattern = "dockerfile.bad-pattern"
        case remoteSourceInCopy = "dockerfile.remote-source-in-copy"
        case invalidMount = "dockerfile.invalid-mount"
        case invalidOnBuild = "dockerfile.invalid-onbuild"
        case unknownTarget = "dockerfile.unknown-target"

        /// Every one of them makes `docker build` fail, a `--target` the Dockerfile lacks included: an input error.
        package var kind: ErrorKind { .input }
    }

    package let code: Code
    /// What is wrong, without the location (``message`` adds it).
    package let problem: String
    package let fix: String?
    /// The Dockerfile's path as the caller gave it.
    package let path: String
    /// The 1-based line where the offending instruction starts, or nil when no line is involved.
    package let line: Int?
    /// The lower-level problem that led to this one, such as a lexer message.
    package let detail: String?

    package init(_ code: Code, _ problem: String, fix: String? = nil, path: String, line: Int?, cause: String? = nil) {
        self.code = code
        self.problem = problem
        self.fix = fix
        self.path = path
        self.line = line
        self.detail = cause
    }

    /// `path:line: problem`.
    package var message: String {
        line.map { "\(path):\($0): \(problem)" } ?? "\(path): \(problem)"
    }

    package var cause: ErrorCause? { detail.map(ErrorCause.detail) }
}
