/// What a finished walk returns.
package struct WalkResult<Visitor: WalkVisitor> {
    /// The workers' visitors merged into one.
    package var visitor: Visitor
    /// Counts over everything below the root.
    package var totals: SubtreeTotals
}
