/// Every ignore-file lint and Dockerfile hint, in `CheckCatalog` order.
package enum LintRegistry {
    /// All lint checks, in catalogue order.
    package static let checks: [any LintCheck] = CheckCatalog.entries.compactMap {
        if case .lint(let check) = $0 { check } else { nil }
    }

    /// The descriptors of all lint checks, in catalogue order.
    package static var descriptors: [CheckDescriptor] { checks.map(\.descriptor) }

    /// All lint check ids, in catalogue order.
    package static let ids: [CheckID] = checks.map(\.descriptor.id)

    /// The descriptor of the lint check with this id, or nil.
    package static func descriptor(id: CheckID) -> CheckDescriptor? {
        checks.first { $0.descriptor.id == id }?.descriptor
    }

    /// The findings of the checks whose ids are in `enabledIDs` (all when nil), in `FindingOrder`.
    package static func findings(for subject: LintSubject, enabledIDs: Set<CheckID>? = nil) -> [Finding] {
        FindingOrder.sorted(
            checks.filter { enabledIDs?.contains($0.descriptor.id) ?? true }.flatMap { $0.check(subject) })
    }
}
