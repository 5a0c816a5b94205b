/// A check of ctxtrim: it describes itself so documentation and SARIF rules come from the check.
package protocol Check: Sendable {
    var descriptor: CheckDescriptor { get }
}

extension Check {
    /// A finding of this check with its default severity.
    func finding(path: String, message: String, bytes: Int64, files: Int = 1, line: Int? = nil) -> Finding {
        Finding(
            check: descriptor.id, severity: descriptor.defaultSeverity, path: path, message: message, bytes: bytes,
            files: files, line: line)
    }
}
