import ContextWalker
import UntrustedText

/// The filter of one walk over a repository that serves several builds: each build decides the entries inside its
/// context with its own ``ContextFilter``, on the path relative to its context root.
///
/// The walker sends an entry when any build sends it, skips a directory only when every build containing it skips it
/// and no build's context lies below it, and otherwise enters it as excluded. Each build's own verdict travels in the
/// state, where ``SharedWalkVisitor`` reads it.
struct SharedWalkFilter: WalkFilter {
    /// One build's view of an entry.
    struct BuildState: Sendable {
        /// The build's filter state for the entry.
        var context: ContextFilter.State
        /// The build's own verdict.
        var verdict: FilterVerdict
        /// Below a directory this build skipped (reached only because another build entered it, or to measure it).
        var insideSkipped = false
        /// The entry is the build's context root, which the build itself never decides nor counts.
        var isContextRoot = false
        /// Components below the context root: 0 at the root, 1 for its children.
        var depth: Int
        /// Depth of the nearest strict ancestor the build sends (the context root counts as sent, at 0).
        var sentAncestorDepth: Int
        /// Ancestors (and the entry itself) that a directory check might flag, whose sent files are counted.
        var watched: [DirectoryFacts] = []

        static func contextRoot(_ filter: ContextFilter) -> BuildState {
            BuildState(context: filter.rootState, verdict: .send, isContextRoot: true, depth: 0, sentAncestorDepth: 0)
        }
    }

    /// Per build, in member order: nil outside the build's context.
    struct State: Sendable {
        var builds: [BuildState?]
    }

    let members: [SharedWalkMember]
    /// Whether builds that skip a directory still count what lies below it as excluded.
    let measureExcluded: Bool
    /// Strict ancestors of the context roots, relative to the walk root: they must be entered.
    let contextAncestors: Set<[UInt8]>

    init(members: [SharedWalkMember], measureExcluded: Bool) {
        self.members = members
        self.measureExcluded = measureExcluded
        var ancestors: Set<[UInt8]> = []
        for member in members {
            var prefix = member.prefix
            while let slash = prefix.lastIndex(of: UInt8(ascii: "/")) {
                prefix.removeSubrange(slash...)
                ancestors.insert(prefix)
            }
            if !member.prefix.isEmpty { ancestors.insert([]) }
        }
        contextAncestors = ancestors
    }

    var rootState: State {
        State(builds: members.map { $0.prefix.isEmpty ? BuildState.contextRoot($0.filter) : nil })
    }

    func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: State) throws -> FilterDecision<State> {
        let isDirectory = kind == .directory
        var builds = [BuildState?](repeating: nil, count: members.count)
        var sent = false
        var entered = false
        for (index, member) in members.enumerated() {
            guard let above = parent.builds[index] else {
                if isDirectory && path.elementsEqual(member.prefix) {
                    builds[index] = BuildState.contextRoot(member.filter)
                    entered = true
                }
                continue
            }
            let sentAncestorDepth = above.verdict == .send ? above.depth : above.sentAncestorDepth
            if above.verdict == .skip || above.insideSkipped {
                guard measureExcluded else { continue }
                builds[index] = BuildState(
                    context: above.context, verdict: .skip, insideSkipped: true, depth: above.depth + 1,
                    sentAncestorDepth: sentAncestorDepth)
                continue
            }
            let relative = UnsafeBufferPointer(rebasing: path[member.relativeStart...])
            let decision = try member.filter.decide(path: relative, kind: kind, parent: above.context)
            var state = BuildState(
                context: decision.state, verdict: decision.verdict, depth: above.depth + 1,
                sentAncestorDepth: sentAncestorDepth, watched: above.watched)
            switch decision.verdict {
            case .send: sent = true
            case .exclude: entered = entered || isDirectory
            case .skip: break
            }
            // As in a single scan, directory checks yield to a claimed ancestor: nothing below a quiet one can report.
            if isDirectory, decision.verdict != .skip, !decision.state.insideQuietDirectory, let checks = member.checks
            {
                let facts = candidateFacts(relative, member: member, state: decision.state)
                if checks.mightFlag(facts) { state.watched.append(facts) }
            }
            builds[index] = state
        }
        let verdict: FilterVerdict
        if sent {
            verdict = .send
        } else if isDirectory && !entered && !contextAncestors.contains(Array(path)) {
            verdict = .skip
        } else {
            verdict = .exclude
        }
        return FilterDecision(verdict, state: State(builds: builds))
    }

    /// The directory as a directory check sees it, with its sent files still to be counted.
    private func candidateFacts(
        _ relative: UnsafeBufferPointer<UInt8>, member: SharedWalkMember, state: ContextFilter.State
    ) -> DirectoryFacts {
        let path = LosslessUTF8.decode(relative)
        return DirectoryFacts(
            path: path, sentFiles: 1, sentBytes: 1, gitClass: state.git?.gitClass,
            tracksAnything: member.filter.git?.holdsTrackedFiles(directory: path) ?? false)
    }
}
