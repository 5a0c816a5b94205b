/// What a finished walk returns.
@usableFromInline package struct WalkResult<Visitor: WalkVisitor> {
    /// The workers' visitors merged into one.
    @usableFromInline package var visitor: Visitor
    /// Counts over everything below the root.
    @usableFromInline package var totals: SubtreeTotals

    @inlinable
    init(visitor: Visitor, totals: SubtreeTotals) {
        self.visitor = visitor
        self.totals = totals
    }
}
