/// GitLab's Code Quality report (`artifacts:reports:codequality`): a JSON array of issues.
///
/// Each issue has `description`, `check_name` (the check id; `context-budget` or `dockerfile-invalid` for gate
/// violations), a stable `fingerprint`, `severity` (info → `info`, warning → `major`, error → `critical`) and
/// `location.path` with `location.lines.begin` (1 when the finding has no line).
package struct GitLabReporter: Sendable {
    /// The report, rendered with two-space indentation and sorted keys.
    ///
    /// - Parameter pathPrefix: the context directory relative to the repository root (empty when they are the same).
    package static func render(_ outcome: GateOutcome, pathPrefix: String = "") -> String {
        document(outcome, pathPrefix: pathPrefix).rendered() + "\n"
    }

    /// The report as a JSON value.
    package static func document(_ outcome: GateOutcome, pathPrefix: String = "") -> JSONValue {
        .array(
            outcome.annotations(pathPrefix: pathPrefix).map { annotation in
                .object([
                    "description": .string(annotation.message),
                    "check_name": .string(annotation.rule.rawValue),
                    "fingerprint": .string(annotation.fingerprint),
                    "severity": .string(severity(annotation.severity)),
                    "location": .object([
                        "path": .string(annotation.location.path),
                        "lines": .object(["begin": .int(max(1, annotation.location.line ?? 1))]),
                    ]),
                ])
            })
    }

    /// Code Quality's severity for a finding's severity.
    package static func severity(_ severity: Severity) -> String {
        switch severity {
        case .info: "info"
        case .warning: "major"
        case .error: "critical"
        }
    }
}
