import ContextWalker
import DockerIgnore

/// What the rules of an ignore file did during one walk: which matched anything, what each decided, and which paths
/// the wildcard exceptions re-included. Filled per walker thread, then merged.
///
/// Feed `record(state:decidingRule:path:isFile:bytes:)` once per entry the filter decided (sent or excluded) with the
/// entry's `ParentMatches` and the decision's `decidingRule`. The cost per entry is one pass over the rules that have
/// not matched yet (usually none after the first few entries) and one array update; a `String` path is read only for
/// entries a wildcard exception re-included.
package struct RuleUsage: Sendable, Equatable {
    /// What one rule decided: the entries whose verdict it set last, and their bytes (regular files only).
    package struct Tally: Sendable, Equatable {
        package var entries = 0
        package var files = 0
        package var bytes: Int64 = 0
    }

    /// At most this many paths are kept per wildcard exception; beyond it the list is known to be incomplete.
    package static let reincludedPathLimit = 64

    package let ruleCount: Int
    private var matched: [Bool]
    /// Rules that have not matched yet, so `record` skips the rest.
    private var pending: [Int]
    private var tallies: [Tally]
    /// For each rule: whether it is an exception with a wildcard (docs/ignore-semantics.md §5), whose re-included paths are kept.
    private let keepsPaths: [Bool]
    private var reincluded: [Int: Set<String>] = [:]
    private var reincludedCounts: [Int: Int] = [:]

    /// Empty usage for the rules of `file`.
    package init(file: IgnoreFile) {
        ruleCount = file.rules.count
        matched = Array(repeating: false, count: ruleCount)
        pending = Array(0..<ruleCount)
        tallies = Array(repeating: Tally(), count: ruleCount)
        keepsPaths = file.rules.map { WildcardExceptionCheck.disablesPruning($0) }
    }

    /// Records one decided entry: `state` is its `ParentMatches`, `decidingRule` the index of the rule that set its
    /// verdict (`IgnoreMatcher.Decision.decidingRule`). `bytes` counts for regular files only.
    package mutating func record(
        state: ParentMatches, decidingRule: Int?, path: @autoclosure () -> String, isFile: Bool, bytes: Int64
    ) {
        if !state.isRoot && !pending.isEmpty {
            pending.removeAll { index in
                guard state.matched(index) else { return false }
                matched[index] = true
                return true
            }
        }
        guard let rule = decidingRule, rule < ruleCount else { return }
        tallies[rule].entries += 1
        if isFile {
            tallies[rule].files += 1
            tallies[rule].bytes.saturatingAdd(bytes)
        }
        if keepsPaths[rule] && !state.excluded {
            reincludedCounts[rule, default: 0] += 1
            if reincluded[rule, default: []].count < Self.reincludedPathLimit {
                reincluded[rule, default: []].insert(path())
            }
        }
    }

    /// Marks `rule` as having matched something (for callers that know it without a `ParentMatches`).
    package mutating func markMatched(_ rule: Int) {
        guard rule < ruleCount, !matched[rule] else { return }
        matched[rule] = true
        pending.removeAll { $0 == rule }
    }

    /// Folds another walker thread's usage of the same file into this one.
    package mutating func merge(_ other: RuleUsage) {
        precondition(other.ruleCount == ruleCount, "usage of different ignore files")
        for rule in 0..<ruleCount {
            if other.matched[rule] { markMatched(rule) }
            tallies[rule].entries += other.tallies[rule].entries
            tallies[rule].files += other.tallies[rule].files
            tallies[rule].bytes.saturatingAdd(other.tallies[rule].bytes)
        }
        for (rule, count) in other.reincludedCounts { reincludedCounts[rule, default: 0] += count }
        for (rule, paths) in other.reincluded {
            for path in paths where reincluded[rule, default: []].count < Self.reincludedPathLimit {
                reincluded[rule, default: []].insert(path)
            }
        }
    }

    /// Whether rule `index` matched at least one entry (or was inherited as matched by one).
    package func matchedAnything(_ rule: Int) -> Bool { matched[rule] }

    /// What rule `index` decided.
    package func tally(_ rule: Int) -> Tally { tallies[rule] }

    /// Every path a wildcard exception re-included, sorted, or nil when there were more than `reincludedPathLimit`
    /// (or the rule is not a wildcard exception).
    package func reincludedPaths(_ rule: Int) -> [String]? {
        guard keepsPaths[rule] else { return nil }
        let count = reincludedCounts[rule] ?? 0
        guard count <= Self.reincludedPathLimit else { return nil }
        return (reincluded[rule] ?? []).sorted()
    }
}
