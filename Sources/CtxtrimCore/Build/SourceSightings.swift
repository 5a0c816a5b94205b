import ContextWalker
import DockerfileReader

/// What the walk saw of each explicit context source of the target build: whether anything it names is sent, the
/// first excluded entry it names, the excluded directory the walk did not enter on its way, a symbolic link on its
/// way. Filled per walker thread, then merged; `SourceProblems.find` turns it into findings once the walk is over.
///
/// Only builds with explicit sources (not `.`, `/` or a lone `*`) pay: an entry is compared with the sources not yet
/// found, and only when it is not deeper than a source's segments (or lies below an excluded directory, where an
/// exception may re-include what a source names).
package struct SourceSightings: Sendable {
    /// An entry the walk saw: its context-relative path and the ignore-file rule that decided it.
    package struct Sighting: Sendable, Equatable {
        package var path: String
        package var decidingRule: Int?
    }

    /// The watched sources: every context source of the target's stages that names part of the context and uses no
    /// unset variable.
    package let sources: [ContextSource]
    private let depths: [Int?]
    /// Sources nothing sent was found for yet.
    private var pending: [Int]
    /// Per source: something it names (or something below that) is sent.
    package private(set) var found: [Bool]
    /// Per source: the first excluded entry (by path) it names exactly.
    package private(set) var excludedMatches: [Int: Sighting] = [:]
    /// Per source: the first excluded directory (by path) on the way to what it names that the walk did not enter.
    package private(set) var prunedAncestors: [Int: Sighting] = [:]
    /// Sources with a symbolic link on the way: BuildKit follows it inside the context, the walk does not.
    package private(set) var throughLinks: Set<Int> = []

    /// At most this many sources are watched, so a hostile Dockerfile cannot make every entry of the walk slow; the
    /// rest give no finding.
    package static let sourceLimit = 256
    /// Sources with more `**` segments than this are not watched: matching them costs more than one pass.
    package static let anyDepthLimit = 2

    /// Nil when no source needs watching.
    package init?(_ sources: [ContextSource]) {
        let watched = sources.filter {
            !$0.referencesEverything && $0.unresolvedVariables.isEmpty && $0.anyDepthSegments <= Self.anyDepthLimit
        }.prefix(Self.sourceLimit).map { $0 }
        guard !watched.isEmpty else { return nil }
        self.sources = watched
        depths = watched.map(\.fixedDepth)
        pending = Array(watched.indices)
        found = Array(repeating: false, count: watched.count)
    }

    /// Records one entry the filter decided.
    ///
    /// - Parameters:
    ///   - depth: its number of path segments.
    ///   - sent: BuildKit sends it.
    ///   - pruned: it is an excluded directory the walk does not enter.
    ///   - belowExcluded: some ancestor of it is not sent (an exception re-included it, or it is excluded too).
    package mutating func record(
        path: @autoclosure () -> String, depth: Int, kind: EntryKind, sent: Bool, pruned: Bool, belowExcluded: Bool,
        decidingRule: Int?
    ) {
        guard !pending.isEmpty else { return }
        var segments: [Substring]?
        var resolved: [Int] = []
        for index in pending {
            if let fixed = depths[index], depth > fixed, !(sent && belowExcluded) { continue }
            if segments == nil { segments = path().split(separator: "/") }
            switch sources[index].relation(to: segments!) {
            case .matches(let exact):
                if sent {
                    found[index] = true
                    resolved.append(index)
                } else if exact {
                    Self.keepFirst(&excludedMatches, index, Sighting(path: path(), decidingRule: decidingRule))
                }
            case .ancestor:
                if kind == .symlink {
                    throughLinks.insert(index)
                    resolved.append(index)
                } else if pruned {
                    Self.keepFirst(&prunedAncestors, index, Sighting(path: path(), decidingRule: decidingRule))
                }
            case .unrelated:
                continue
            }
        }
        if !resolved.isEmpty { pending.removeAll { resolved.contains($0) } }
    }

    /// Folds another walker thread's sightings of the same sources into these.
    package mutating func merge(_ other: SourceSightings) {
        precondition(other.sources.count == sources.count, "sightings of different sources")
        for index in sources.indices where other.found[index] { found[index] = true }
        for (index, sighting) in other.excludedMatches { Self.keepFirst(&excludedMatches, index, sighting) }
        for (index, sighting) in other.prunedAncestors { Self.keepFirst(&prunedAncestors, index, sighting) }
        throughLinks.formUnion(other.throughLinks)
        pending = sources.indices.filter { !found[$0] && !throughLinks.contains($0) }
    }

    /// Keeps the sighting with the smallest path, so merged threads give one answer.
    private static func keepFirst(_ table: inout [Int: Sighting], _ index: Int, _ sighting: Sighting) {
        if let kept = table[index], kept.path <= sighting.path { return }
        table[index] = sighting
    }
}
