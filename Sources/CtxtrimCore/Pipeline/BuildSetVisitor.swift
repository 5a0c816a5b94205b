import ContextWalker
import UntrustedText

/// Dispatches each entry of a build set's walk to the tally of every build whose context contains it, with that
/// build's own verdict. A file's content is read at most once, however many builds check it.
struct BuildSetVisitor: WalkVisitor {
    typealias State = BuildSetFilter.State

    let members: [BuildSetMember]
    var tallies: [BuildTally]
    private var reader: EntryContentReader
    /// Per build, whether its entry checks flagged the entry being visited.
    private var flagged: [Bool]
    /// `scan --profile`'s figures for the first build (which then owns the walk); nil when not profiling.
    var profile: ProfileTally?
    /// This thread's hasher, when the walk digests what builds transfer.
    var hasher: ContentHasher?

    init(
        members: [BuildSetMember], setups: [BuildTally.Setup], profile: ProfileTally? = nil,
        digestCache: DigestCache? = nil
    ) {
        self.members = members
        self.profile = profile
        hasher = digestCache.map { ContentHasher(cache: $0) }
        tallies = setups.map { BuildTally(setup: $0) }
        reader = EntryContentReader()
        flagged = Array(repeating: false, count: setups.count)
    }

    mutating func visit(_ entry: WalkEntry, state: State) {
        let walkerSkipped = entry.disposition == .insideSkipped
        var content: [UInt8]?? = nil
        var hashing = EntryHashing(hasher: hasher)
        if profile != nil, let build = state[0] { profile!.visit(entry, build: build) }
        if walkerSkipped {
            // Most entries of a large tree lie below a skipped directory: counted without copying the builds' states.
            for index in tallies.indices {
                flagged[index] = false
                guard state.counts(index) else { continue }
                let relative = UnsafeBufferPointer(rebasing: entry.path[members[index].relativeStart...])
                tallies[index].visitBelowSkipped(entry, path: relative)
            }
            return
        }
        for index in tallies.indices {
            flagged[index] = false
            guard let build = state[index], !build.isContextRoot else { continue }
            let relative = UnsafeBufferPointer(rebasing: entry.path[members[index].relativeStart...])
            // A leader comes before its followers: what its checks flagged, they need not flag again.
            let flaggedElsewhere = tallies[index].setup.leader.map { flagged[$0] } ?? false
            flagged[index] = tallies[index].visit(
                entry, path: relative, state: build, walkerSkipped: walkerSkipped, reader: &reader,
                content: &content, flaggedElsewhere: flaggedElsewhere, hashing: &hashing)
        }
    }

    /// Directory totals are the walker's only for a build that owns the walk; the others count their watched
    /// directories as entries are visited.
    mutating func directoryFinished(_ summary: DirectorySummary, state: State) {
        if profile != nil, let build = state[0] { profile!.directoryFinished(summary, build: build) }
        guard let build = state[0], tallies[0].setup.ownsWalk, !build.isContextRoot, !build.insideSkipped else {
            return
        }
        // A directory that is not sent only matters to a listing: no path string for the (many) others.
        guard summary.isSent || tallies[0].setup.listing != nil else { return }
        tallies[0].directoryFinished(summary, path: summary.pathString, state: build)
    }

    mutating func diagnostic(_ diagnostic: WalkDiagnostic) {
        diagnostic.path.withUnsafeBufferPointer { path in
            for (index, member) in members.enumerated() where member.contains(path) {
                let relative = LosslessUTF8.decode(path[member.relativeStart...])
                tallies[index].diagnostic(diagnostic, path: relative)
            }
        }
    }

    mutating func directoryTimed(path: UnsafeBufferPointer<UInt8>, state: State, nanoseconds: UInt64) {
        profile?.directoryTimed(path: path, build: state[0], nanoseconds: nanoseconds)
    }

    mutating func merge(_ other: consuming BuildSetVisitor) {
        if let theirs = other.profile { profile?.merge(theirs) }
        if let theirs = other.hasher { hasher?.merge(theirs) }
        for (index, theirs) in other.tallies.enumerated() { tallies[index].merge(theirs) }
    }
}
