/// A check of ctxtrim: it describes itself so documentation and SARIF rules come from the check.
package protocol Check: Sendable {
    static var descriptor: CheckDescriptor { get }
}

extension Check {
    /// The descriptor of this check's type.
    package var descriptor: CheckDescriptor { Self.descriptor }

    /// A finding of this check about `subject`, with its default severity.
    func finding(_ subject: FindingSubject, message: String, bytes: Int64, files: Int = 1) -> Finding {
        Finding(
            check: Self.descriptor.id, severity: Self.descriptor.defaultSeverity, subject: subject, message: message,
            bytes: bytes, files: files)
    }

    /// A finding of this check about a walked entry, named as the kind the walker saw.
    func finding(about entry: EntryFacts, message: String, bytes: Int64, files: Int = 1) -> Finding {
        finding(.entry(entry.path, kind: entry.kind), message: message, bytes: bytes, files: files)
    }

    /// A finding of this check about a finished directory, with its sent bytes and files.
    func finding(about directory: DirectoryFacts, message: String) -> Finding {
        finding(
            .directory(directory.path), message: message, bytes: directory.sentBytes, files: directory.sentFiles)
    }
}
