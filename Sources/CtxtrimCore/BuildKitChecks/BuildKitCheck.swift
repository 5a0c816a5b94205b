import DockerfileReader

/// A rule of BuildKit's Dockerfile linter (`docker build --check`), decided from the Dockerfile alone.
///
/// A rule finds its violations; the shared `check(_:)` then applies the Dockerfile's `# check=` directive as
/// BuildKit's `Linter.Run` does: `skip=NAME,...` or `skip=all` drops stable rules, experimental rules run only when
/// `experimental=` names them, `error=true` makes the findings errors (BuildKit then fails the build). A `check=`
/// comment just before an instruction adds to the directive for the violations of that instruction, where BuildKit
/// reads it (`readsInstructionComments`).
package protocol BuildKitCheck: LintCheck {
    /// BuildKit's name of the rule, as `# check=skip=` and `.ctxtrim.yml` write it.
    static var buildKitName: String { get }
    /// Whether BuildKit runs the rule only on request (`# check=experimental=NAME`).
    static var isExperimental: Bool { get }
    /// Whether a `# check=` comment before the instruction applies (false for the rules BuildKit runs over the
    /// whole file: casing across instructions, stage names, default base images, empty continuations).
    static var readsInstructionComments: Bool { get }

    /// The places the rule fires, in order.
    func violations(in dockerfile: Dockerfile) -> [BuildKitViolation]
}

/// One place a BuildKit rule fires: the line, the instruction's comments and the message.
package struct BuildKitViolation {
    package let line: Int
    /// The comments just before the instruction, for its `check=` comment.
    package let comments: [String]
    package let message: String

    package init(_ instruction: Instruction, _ message: String) {
        self.init(line: instruction.startLine, comments: instruction.comments, message: message)
    }

    package init(line: Int, comments: [String] = [], message: String) {
        self.line = line
        self.comments = comments
        self.message = message
    }
}

extension BuildKitCheck {
    package static var isExperimental: Bool { false }
    package static var readsInstructionComments: Bool { true }

    /// `text` followed by the address of BuildKit's page about rule `id`.
    static func help(_ text: String, id: CheckID) -> String {
        "\(text) BuildKit's page: https://docs.docker.com/go/dockerfile/rule/\(id)/."
    }

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile,
            let options = BuildKitCheckOptions(directive: dockerfile.dockerfile.directives.check)
        else { return [] }
        return violations(in: dockerfile.dockerfile).compactMap { violation in
            let inForce =
                Self.readsInstructionComments ? options.merged(withComments: violation.comments) : options
            guard inForce.runs(Self.buildKitName, experimentalRule: Self.isExperimental) else { return nil }
            var found = finding(
                .dockerfileLine(dockerfile.displayPath, line: violation.line),
                message: "\(violation.message) (BuildKit \(Self.buildKitName))")
            if options.errorOnWarning { found.severity = .error }
            return found
        }
    }
}
