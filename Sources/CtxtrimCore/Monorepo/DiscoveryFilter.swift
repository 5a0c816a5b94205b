import ContextWalker

/// The discovery walk's filter: everything, except directories nobody builds from (VCS metadata, installed
/// dependencies), which are not entered at all.
struct DiscoveryFilter: WalkFilter {
    /// Directory names never entered.
    static let prunedNames: Set<[UInt8]> = Set(
        [".git", ".hg", ".svn", "node_modules", "vendor", ".venv", "bower_components"].map { Array($0.utf8) })

    var rootState: Void { () }

    func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: Void) -> FilterDecision<Void> {
        guard kind == .directory else { return FilterDecision(.send, state: ()) }
        let start = (path.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        let name = Array(path[start...])
        return FilterDecision(Self.prunedNames.contains(name) ? .skip : .send, state: ())
    }
}
