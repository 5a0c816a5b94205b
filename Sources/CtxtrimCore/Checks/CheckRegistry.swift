/// The checks over the walk, in `CheckCatalog` order (which also orders documentation, SARIF rules and findings).
package enum CheckRegistry {
    /// All walk checks, in catalogue order.
    package static let checks: [any Check] = CheckCatalog.entries.compactMap {
        if case .walk(let check) = $0 { check } else { nil }
    }

    /// The descriptors of all walk checks, in catalogue order.
    package static var descriptors: [CheckDescriptor] { checks.map(\.descriptor) }

    /// All walk check ids, in catalogue order.
    package static let ids: [CheckID] = checks.map(\.descriptor.id)

    /// The descriptor of the walk check with this id, or nil.
    package static func descriptor(id: CheckID) -> CheckDescriptor? {
        checks.first { $0.descriptor.id == id }?.descriptor
    }
}
