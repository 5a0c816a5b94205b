/// A check of ctxtrim: it describes itself so documentation and SARIF rules come from the check.
package protocol Check: Sendable {
    static var descriptor: CheckDescriptor { get }
}

extension Check {
    /// The descriptor of this check's type.
    package var descriptor: CheckDescriptor { Self.descriptor }

    /// A finding of this check with its default severity.
    func finding(path: String, message: String, bytes: Int64, files: Int = 1, line: Int? = nil) -> Finding {
        Finding(
            check: Self.descriptor.id, severity: Self.descriptor.defaultSeverity, path: path, message: message,
            bytes: bytes, files: files, line: line)
    }
}
