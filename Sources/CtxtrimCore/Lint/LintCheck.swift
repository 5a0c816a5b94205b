/// A check over the ignore file or the Dockerfile: a pure function from what a scan gathered to findings.
package protocol LintCheck: Sendable {
    static var descriptor: CheckDescriptor { get }
    /// The findings for `subject`, each naming the ignore-file or Dockerfile line involved, or the file itself.
    func check(_ subject: LintSubject) -> [Finding]
}

extension LintCheck {
    /// The descriptor of this check's type.
    package var descriptor: CheckDescriptor { Self.descriptor }

    /// A finding of this check with its default severity, about a file or line rather than the bytes it sends.
    func finding(_ subject: FindingSubject, message: String) -> Finding {
        Finding(
            check: Self.descriptor.id, severity: Self.descriptor.defaultSeverity, subject: subject, message: message,
            bytes: 0, files: 0)
    }
}
