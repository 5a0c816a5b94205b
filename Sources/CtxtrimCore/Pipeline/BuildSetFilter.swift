import ContextWalker
import UntrustedText

/// The filter of one walk that serves a set of builds: each build decides the entries inside its context with its
/// own ``ContextFilter``, on the path relative to its context root. A single scan is the set of one build.
///
/// The walker sends an entry when any build sends it, skips a directory only when every build containing it skips it
/// and no build's context lies below it, and otherwise enters it as excluded. Each build's own verdict travels in the
/// state, where ``BuildSetVisitor`` reads it. With one build at the walk root the walker's verdicts are that build's,
/// so its directory totals can be taken from the walker (``BuildTally/Setup/ownsWalk``).
struct BuildSetFilter: WalkFilter {
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
        /// Ancestors (and the entry itself) whose sent files the build counts itself, when the walker's directory
        /// totals are not the build's.
        var watched: [WatchedDirectory] = []

        static func contextRoot(_ filter: ContextFilter) -> BuildState {
            BuildState(context: filter.rootState, verdict: .send, isContextRoot: true, depth: 0, sentAncestorDepth: 0)
        }
    }

    /// Per build, in member order: nil outside the build's context. The first build is stored inline, so that the
    /// set of one build allocates nothing per entry.
    struct State: Sendable {
        var first: BuildState?
        var rest: [BuildState?]

        init(count: Int) {
            first = nil
            rest = count > 1 ? [BuildState?](repeating: nil, count: count - 1) : []
        }

        /// Whether the entry lies in build `index`'s context and is not its root, read without copying the state.
        func counts(_ index: Int) -> Bool {
            index == 0 ? first?.isContextRoot == false : rest[index - 1]?.isContextRoot == false
        }

        subscript(index: Int) -> BuildState? {
            get { index == 0 ? first : rest[index - 1] }
            set {
                if index == 0 { first = newValue } else { rest[index - 1] = newValue }
            }
        }
    }

    let members: [BuildSetMember]
    /// Whether builds that skip a directory still count what lies below it as excluded.
    let measureExcluded: Bool
    /// Whether the walker's directory totals are the only build's own (one build, at the walk root).
    let walkerTotalsAreOwn: Bool
    /// Strict ancestors of the context roots, relative to the walk root: they must be entered.
    let contextAncestors: Set<[UInt8]>

    init(members: [BuildSetMember], measureExcluded: Bool) {
        self.members = members
        self.measureExcluded = measureExcluded
        walkerTotalsAreOwn = members.count == 1 && members[0].prefix.isEmpty
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
        var state = State(count: members.count)
        for (index, member) in members.enumerated() where member.prefix.isEmpty {
            state[index] = BuildState.contextRoot(member.filter)
        }
        return state
    }

    func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: State) throws -> FilterDecision<State> {
        let isDirectory = kind == .directory
        var states = State(count: members.count)
        var sent = false
        var entered = false
        for (index, member) in members.enumerated() {
            guard let above = parent[index] else {
                if isDirectory && path.elementsEqual(member.prefix) {
                    states[index] = BuildState.contextRoot(member.filter)
                    entered = true
                }
                continue
            }
            let sentAncestorDepth = above.verdict == .send ? above.depth : above.sentAncestorDepth
            if above.verdict == .skip || above.insideSkipped {
                guard measureExcluded else { continue }
                states[index] = BuildState(
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
            if isDirectory, decision.verdict != .skip, !walkerTotalsAreOwn,
                let watched = watch(relative, depth: state.depth, member: member, state: decision.state)
            {
                state.watched.append(watched)
            }
            states[index] = state
        }
        let verdict: FilterVerdict
        if sent {
            verdict = .send
        } else if isDirectory && !entered && !isContextAncestor(path) {
            verdict = .skip
        } else {
            verdict = .exclude
        }
        return FilterDecision(verdict, state: states)
    }

    /// Whether `path` leads to a build's context root; checked without copying the path when no context lies below
    /// the walk root (one build, the common case).
    private func isContextAncestor(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        !contextAncestors.isEmpty && contextAncestors.contains(Array(path))
    }

    /// The directory, when the build needs its sent totals and the walker's are not the build's: a directory a
    /// check might flag, a top-level entry, or an outermost git-ignored one (what `fix` can exclude as a unit).
    private func watch(
        _ relative: UnsafeBufferPointer<UInt8>, depth: Int, member: BuildSetMember, state: ContextFilter.State
    ) -> WatchedDirectory? {
        let path = LosslessUTF8.decode(relative)
        var facts = DirectoryFacts(
            path: path, sentFiles: 1, sentBytes: 1, gitClass: state.git?.gitClass,
            tracksAnything: member.filter.git?.holdsTrackedFiles(directory: path) ?? false)
        // As in every scan, directory checks yield to a claimed ancestor: nothing below a quiet one can report.
        // Asked as if something were sent below; the counts then start from zero.
        let candidate = !state.insideQuietDirectory && (member.checks?.mightFlag(facts) ?? false)
        (facts.sentFiles, facts.sentBytes) = (0, 0)
        let outermostIgnored = state.git?.gitClass == .ignored && !state.parentIgnored
        guard candidate || depth == 1 || outermostIgnored else { return nil }
        return WatchedDirectory(
            facts: facts, isCheckCandidate: candidate, isTopLevel: depth == 1, isOutermostIgnored: outermostIgnored)
    }
}

/// A directory whose sent totals one build counts itself, and why it needs them.
struct WatchedDirectory: Sendable {
    /// The directory; `sentFiles` and `sentBytes` start at zero and grow as the build's entries below it are sent.
    var facts: DirectoryFacts
    var isCheckCandidate: Bool
    var isTopLevel: Bool
    var isOutermostIgnored: Bool
}
