extension Finding {
    /// Whether the finding names a directory, as the check that made it said.
    package var isDirectoryFinding: Bool { subject.isDirectory }

    /// Orders findings for machine formats: `FindingOrder`.
    package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool { FindingOrder.precedes(lhs, rhs) }

    /// Orders findings for people: worst first, then `FindingOrder`.
    package static func severityOrder(_ lhs: Finding, _ rhs: Finding) -> Bool { FindingOrder.worstFirst(lhs, rhs) }
}
