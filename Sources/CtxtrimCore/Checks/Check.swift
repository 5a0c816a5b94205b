/// A check of ctxtrim: it describes itself so documentation and SARIF rules come from the check.
package protocol Check: Sendable {
    static var descriptor: CheckDescriptor { get }
}

extension Check {
    /// The descriptor of this check's type.
    package var descriptor: CheckDescriptor { Self.descriptor }

    /// A finding of this check about `subject`, with its default severity. `suggestion` is the ignore pattern the
    /// message advises, written in it as `` `pattern` `` so that the proof can narrow it.
    func finding(
        _ subject: FindingSubject, message: String, bytes: Int64, files: Int = 1, suggestion: String? = nil
    ) -> Finding {
        var finding = Finding(
            check: Self.descriptor.id, severity: Self.descriptor.defaultSeverity, subject: subject, message: message,
            bytes: bytes, files: files)
        finding.suggestion = suggestion
        return finding
    }

    /// A finding of this check about a walked entry, named as the kind the walker saw.
    func finding(
        about entry: EntryFacts, message: String, bytes: Int64, files: Int = 1, suggestion: String? = nil
    ) -> Finding {
        finding(
            .entry(entry.path, kind: entry.kind), message: message, bytes: bytes, files: files, suggestion: suggestion)
    }

    /// A finding of this check about a finished directory, with its sent bytes and files.
    func finding(about directory: DirectoryFacts, message: String, suggestion: String? = nil) -> Finding {
        finding(
            .directory(directory.path), message: message, bytes: directory.sentBytes, files: directory.sentFiles,
            suggestion: suggestion)
    }
}
