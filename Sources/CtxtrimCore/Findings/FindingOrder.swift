/// The one order of findings, used wherever findings are sorted (checks, lint, scan reports, every reporter).
///
/// By path (bytewise UTF-8), then line (none first), then the check's place in `CheckCatalog`, then message
/// (bytewise); the remaining fields (severity, worst first, subject kind, bytes, files, anchor) only break ties, so
/// the order is total and the same findings always come out the same way whatever order they were found in.
/// `worstFirst` puts higher severities first and breaks ties with the same order.
package enum FindingOrder {
    /// Whether `lhs` comes before `rhs`.
    package static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return bytewise(lhs.path, rhs.path) }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if lhs.check != rhs.check { return CheckCatalog.rank(of: lhs.check) < CheckCatalog.rank(of: rhs.check) }
        if lhs.message != rhs.message { return bytewise(lhs.message, rhs.message) }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.subject.kind != rhs.subject.kind {
            return bytewise(lhs.subject.kind.rawValue, rhs.subject.kind.rawValue)
        }
        if lhs.bytes != rhs.bytes { return lhs.bytes < rhs.bytes }
        if lhs.files != rhs.files { return lhs.files < rhs.files }
        switch (lhs.anchor, rhs.anchor) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let left?, let right?):
            return left.file != right.file ? bytewise(left.file, right.file) : left.line < right.line
        }
    }

    /// Higher severity first, then `precedes`.
    package static func worstFirst(_ lhs: Finding, _ rhs: Finding) -> Bool {
        lhs.severity != rhs.severity ? lhs.severity > rhs.severity : precedes(lhs, rhs)
    }

    /// `findings` in this order.
    package static func sorted(_ findings: some Sequence<Finding>) -> [Finding] {
        findings.sorted(by: precedes)
    }

    private static func bytewise(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
