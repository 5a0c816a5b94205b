/// Every ignore-file lint and Dockerfile hint, in the stable order of documentation and tie-breaking.
package enum LintRegistry {
    /// All lint checks, in their stable order.
    package static let checks: [any LintCheck] = [
        UnusedPatternCheck(), InlineCommentCheck(), RootOnlyNameCheck(), WildcardExceptionCheck(),
        ShadowedIgnoreFileCheck(), NestedIgnoreFileCheck(), MissingIgnoreFileCheck(), CopyAllBeforeInstallCheck(),
        SingleStageCompilerImageCheck(), UnpinnedBaseImageCheck(),
    ]

    /// The descriptors of all lint checks, in their stable order.
    package static var descriptors: [LintDescriptor] { checks.map(\.descriptor) }

    /// All lint check ids, in their stable order.
    package static let ids: [String] = checks.map(\.descriptor.id)

    /// The descriptor of the lint check with this id, or nil.
    package static func descriptor(id: String) -> LintDescriptor? {
        checks.first { $0.descriptor.id == id }?.descriptor
    }

    /// The findings of the checks whose ids are in `enabledIDs` (all when nil), sorted by path, line and check order.
    package static func findings(for subject: LintSubject, enabledIDs: Set<String>? = nil) -> [Finding] {
        let findings = checks.filter { enabledIDs?.contains($0.descriptor.id) ?? true }.flatMap { $0.check(subject) }
        return findings.sorted { lhs, rhs in
            if lhs.path != rhs.path { return lhs.path < rhs.path }
            if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
            return rank(of: lhs.check) < rank(of: rhs.check)
        }
    }

    private static func rank(of id: String) -> Int { ids.firstIndex(of: id) ?? ids.count }
}
