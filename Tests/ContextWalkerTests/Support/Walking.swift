import ContextWalker

/// Walks `tree` with a recording visitor.
func record<Calls: SystemCalls>(
    _ tree: TestTree, filter: RuleFilter, options: WalkOptions, calls: Calls
) throws -> (visitor: RecordingVisitor, totals: SubtreeTotals) {
    let result = try ContextWalker(root: tree.root, options: options, calls: calls)
        .walk(filter: filter, makeVisitor: { RecordingVisitor() })
    return (result.visitor, result.totals)
}

func record(_ tree: TestTree, filter: RuleFilter, options: WalkOptions) throws -> (
    visitor: RecordingVisitor, totals: SubtreeTotals
) {
    try record(tree, filter: filter, options: options, calls: POSIXSystemCalls())
}

/// Whether `left` comes before `right` in Go's filepath.WalkDir order: component by component, bytewise.
func walkOrderPrecedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    let slash = UInt8(ascii: "/")
    let leftParts = left.split(separator: slash, omittingEmptySubsequences: false)
    let rightParts = right.split(separator: slash, omittingEmptySubsequences: false)
    for (l, r) in zip(leftParts, rightParts) where l != r {
        return l.lexicographicallyPrecedes(r)
    }
    return leftParts.count < rightParts.count
}
