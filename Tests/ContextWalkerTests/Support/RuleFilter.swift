import ContextWalker

/// A filter with a few plain rules, enough to exercise every verdict:
/// names in `excluded` are excluded; directories in `skipped` are skipped; directories in `enteredExcluded` are
/// excluded but entered, and below them only names in `kept` are sent. Paths in `failing` make it throw.
struct RuleFilter: WalkFilter {
    struct Failure: Error, Equatable {
        let path: String
    }

    var excluded: Set<String> = []
    var skipped: Set<String> = []
    var enteredExcluded: Set<String> = []
    var kept: Set<String> = []
    var failing: Set<String> = []

    /// Whether the parent is (inside) an excluded-but-entered directory.
    var rootState: Bool { false }

    func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: Bool) throws -> FilterDecision<Bool> {
        let path = String(decoding: path, as: UTF8.self)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if failing.contains(path) { throw Failure(path: path) }
        if kind == .directory && skipped.contains(name) { return FilterDecision(.skip, state: parent) }
        if kind == .directory && enteredExcluded.contains(name) { return FilterDecision(.exclude, state: true) }
        if excluded.contains(name) { return FilterDecision(kind == .directory ? .skip : .exclude, state: parent) }
        if parent && !kept.contains(name) { return FilterDecision(.exclude, state: true) }
        return FilterDecision(.send, state: false)
    }
}
