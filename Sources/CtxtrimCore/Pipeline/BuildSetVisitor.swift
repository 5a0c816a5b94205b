import ContextWalker
import UntrustedText

/// Dispatches each entry of a build set's walk to the tally of every build whose context contains it, with that
/// build's own verdict. A file's content is read at most once, however many builds check it.
struct BuildSetVisitor: WalkVisitor {
    typealias State = BuildSetFilter.State

    let members: [BuildSetMember]
    var tallies: [BuildTally]
    private var reader: EntryContentReader

    init(members: [BuildSetMember], setups: [BuildTally.Setup]) {
        self.members = members
        tallies = setups.map { BuildTally(setup: $0) }
        reader = EntryContentReader()
    }

    mutating func visit(_ entry: WalkEntry, state: State) {
        let walkerSkipped = entry.disposition == .insideSkipped
        var content: [UInt8]?? = nil
        for index in tallies.indices {
            guard let build = state[index], !build.isContextRoot else { continue }
            let relative = UnsafeBufferPointer(rebasing: entry.path[members[index].relativeStart...])
            tallies[index].visit(
                entry, path: relative, state: build, walkerSkipped: walkerSkipped, reader: &reader,
                content: &content)
        }
    }

    /// Directory totals are the walker's only for a build that owns the walk; the others count their watched
    /// directories as entries are visited.
    mutating func directoryFinished(_ summary: DirectorySummary, state: State) {
        guard let build = state[0], tallies[0].setup.ownsWalk, !build.isContextRoot, !build.insideSkipped else {
            return
        }
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

    mutating func merge(_ other: consuming BuildSetVisitor) {
        for (index, theirs) in other.tallies.enumerated() { tallies[index].merge(theirs) }
    }
}
