import ContextWalker
import UntrustedText

/// Dispatches each entry of the shared walk to the accumulator of every build whose context contains it, with that
/// build's own verdict.
struct SharedWalkVisitor: WalkVisitor {
    typealias State = SharedWalkFilter.State

    /// Context roots relative to the walk root, in member order.
    let prefixes: [SharedWalkMember]
    var builds: [BuildAccumulator]
    private var reader: EntryContentReader

    init(members: [SharedWalkMember], setups: [BuildAccumulator.Setup]) {
        prefixes = members
        builds = setups.map { BuildAccumulator(setup: $0) }
        reader = EntryContentReader()
    }

    mutating func visit(_ entry: WalkEntry, state: State) {
        let walkerSkipped = entry.disposition == .insideSkipped
        var content: [UInt8]?? = nil
        for index in builds.indices {
            guard let build = state.builds[index], !build.isContextRoot else { continue }
            let member = prefixes[index]
            let relative = UnsafeBufferPointer(rebasing: entry.path[member.relativeStart...])
            builds[index].visit(
                entry, path: relative, state: build, walkerSkipped: walkerSkipped, reader: &reader,
                content: &content)
        }
    }

    /// Every count is taken when an entry is visited; subtree totals of candidate directories travel in the state.
    mutating func directoryFinished(_ summary: DirectorySummary, state: State) {}

    mutating func diagnostic(_ diagnostic: WalkDiagnostic) {
        diagnostic.path.withUnsafeBufferPointer { path in
            for (index, member) in prefixes.enumerated() where member.contains(path) {
                let relative = LosslessUTF8.decode(path[member.relativeStart...])
                builds[index].diagnostic(diagnostic, path: relative)
            }
        }
    }

    mutating func merge(_ other: consuming SharedWalkVisitor) {
        for (index, theirs) in other.builds.enumerated() { builds[index].merge(theirs) }
    }
}
