extension Finding {
    /// Whether the finding names a directory: its check reports only directories, or it counts more than one file
    /// (a file finding counts one file, or none for a symlink or an unreadable entry).
    package var isDirectoryFinding: Bool {
        files > 1 || Finding.directoryOnlyChecks.contains(check)
    }

    /// Ids of checks that look at finished directories and at nothing else.
    private static let directoryOnlyChecks: Set<String> = Set(
        CheckRegistry.checks.filter { $0 is any DirectoryCheck && !($0 is any EntryCheck) }.map(\.descriptor.id))

    /// Orders findings for machine formats: by path (bytewise), check order, line, then message.
    package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return Array(lhs.path.utf8).lexicographicallyPrecedes(Array(rhs.path.utf8)) }
        let (left, right) = (CheckRegistry.rank(of: lhs.check), CheckRegistry.rank(of: rhs.check))
        if left != right { return left < right }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return Array(lhs.message.utf8).lexicographicallyPrecedes(Array(rhs.message.utf8))
    }

    /// Orders findings for people: worst first, then as `reportOrder`.
    package static func severityOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        lhs.severity != rhs.severity ? lhs.severity > rhs.severity : reportOrder(lhs, rhs)
    }
}
