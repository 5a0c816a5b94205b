/// Every check of ctxtrim, in the stable order of documentation, SARIF rules and tie-breaking between findings.
package enum CheckRegistry {
    /// All checks, in their stable order.
    package static let checks: [any Check] = [
        SecretFileCheck(), SecretContentCheck(), VCSDirectoryCheck(), DependencyDirectoryCheck(), BuildOutputCheck(),
        EditorJunkCheck(), LogFileCheck(), GitIgnoredSentCheck(), SymlinkOutsideContextCheck(), UnreadableCheck(),
        CtxtrimTempFileCheck(),
    ]

    /// The descriptors of all checks, in their stable order.
    package static var descriptors: [CheckDescriptor] { checks.map(\.descriptor) }

    /// All check ids, in their stable order.
    package static let ids: [String] = checks.map(\.descriptor.id)

    /// The descriptor of the check with this id, or nil.
    package static func descriptor(id: String) -> CheckDescriptor? {
        checks.first { $0.descriptor.id == id }?.descriptor
    }

    /// The position of a check id in the stable order (unknown ids sort last).
    package static func rank(of id: String) -> Int { ranks[id] ?? ranks.count }

    private static let ranks: [String: Int] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
}
