/// The filter's answer for one entry: what happens to it, and the state its children are decided with.
@usableFromInline package struct FilterDecision<State: Sendable>: Sendable {
    /// What happens to the entry.
    @usableFromInline package var verdict: FilterVerdict
    /// The state passed as `parent` when the entry's children are decided (ignored for non-directories).
    @usableFromInline package var state: State

    @usableFromInline package init(_ verdict: FilterVerdict, state: State) {
        self.verdict = verdict
        self.state = state
    }
}

/// What happens to one entry.
@usableFromInline package enum FilterVerdict: UInt8, Sendable, Hashable {
    /// Sent; a directory is entered.
    case send
    /// Not sent, but a directory is entered because something below it may be sent. Such a directory is sent after
    /// all iff something below it is (``DirectorySummary/isSent``).
    case exclude
    /// Not sent, and nothing below a directory can be sent: the directory is not entered (it is only walked, without
    /// calling the filter, when ``WalkOptions/measureExcluded`` asks for its size).
    case skip
}
