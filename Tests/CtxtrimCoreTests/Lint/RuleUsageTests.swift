import DockerIgnore
import TestSupport
import Testing

@testable import CtxtrimCore

/// `RuleUsage` and `NestedNameSightings` give the same result however a walk is split between threads.
@Suite struct RuleUsageTests {
    /// One decided entry of a generated tree.
    struct Decided {
        let path: String
        let isDirectory: Bool
        let decision: IgnoreMatcher.Decision
    }

    static let segments = ["a", "b", "node_modules", "keep", "x.log", "build"]
    static let rules = ["node_modules", "**/*.log", "build", "!**/keep", "!a/keep", "zzz", "a/b"]

    /// Decides a random tree top-down, as the walk does.
    static func decidedTree(seed: UInt64, matcher: IgnoreMatcher) throws -> [Decided] {
        var random = SplitMix64(seed: seed)
        var paths: Set<String> = []
        for _ in 0..<40 {
            let depth = Int.random(in: 1...4, using: &random)
            paths.insert((0..<depth).map { _ in segments.randomElement(using: &random)! }.joined(separator: "/"))
        }
        var directories: Set<String> = []
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                directories.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var states: [String: ParentMatches] = ["": .root]
        var decided: [Decided] = []
        for path in paths.union(directories).sorted() {
            let parent = String(ContextPath.parent(of: path))
            let isDirectory = directories.contains(path)
            let decision = try matcher.decide(path, isDirectory: isDirectory, parent: states[parent] ?? .root)
            if isDirectory { states[path] = decision.state }
            decided.append(Decided(path: path, isDirectory: isDirectory, decision: decision))
        }
        return decided
    }

    @Test func mergingThreadsEqualsOneSerialWalk() throws {
        let file = try IgnoreFile.parse(text: Self.rules.joined(separator: "\n"), source: ".dockerignore")
        let matcher = try IgnoreMatcher(file)
        for seed in TestSeeds.list(Array(1...50)) {
            let decided = try Self.decidedTree(seed: seed, matcher: matcher)
            var serial = RuleUsage(file: file)
            var serialNames = NestedNameSightings(watching: file)
            var parts = [RuleUsage(file: file), RuleUsage(file: file), RuleUsage(file: file)]
            var nameParts = [NestedNameSightings(watching: file), NestedNameSightings(watching: file)]
            var random = SplitMix64(seed: seed ^ 0xABCD)
            for entry in decided {
                let bytes = Int64(entry.path.count)
                serial.record(
                    state: entry.decision.state, decidingRule: entry.decision.decidingRule, path: entry.path,
                    isFile: !entry.isDirectory, bytes: bytes)
                let thread = Int.random(in: 0..<parts.count, using: &random)
                parts[thread].record(
                    state: entry.decision.state, decidingRule: entry.decision.decidingRule, path: entry.path,
                    isFile: !entry.isDirectory, bytes: bytes)
                guard !entry.decision.excluded else { continue }
                serialNames.record(path: entry.path, isTracked: false)
                nameParts[thread % 2].record(path: entry.path, isTracked: false)
            }
            var merged = parts[2]
            merged.merge(parts[0])
            merged.merge(parts[1])
            var mergedNames = nameParts[1]
            mergedNames.merge(nameParts[0])
            #expect(Self.sameObservableUsage(merged, serial, rules: file.rules.count), "seed \(seed)")
            #expect(mergedNames == serialNames, "seed \(seed)")
        }
    }

    /// Equal answers to every question the lint asks (internal bookkeeping order may differ).
    static func sameObservableUsage(_ lhs: RuleUsage, _ rhs: RuleUsage, rules: Int) -> Bool {
        (0..<rules).allSatisfy {
            lhs.matchedAnything($0) == rhs.matchedAnything($0) && lhs.tally($0) == rhs.tally($0)
                && lhs.reincludedPaths($0) == rhs.reincludedPaths($0)
        }
    }

    @Test func matchedRulesAreThoseWhoseBitsAnyDecisionSet() throws {
        let file = try IgnoreFile.parse(text: Self.rules.joined(separator: "\n"), source: ".dockerignore")
        let matcher = try IgnoreMatcher(file)
        for seed in TestSeeds.list(Array(51...80)) {
            let decided = try Self.decidedTree(seed: seed, matcher: matcher)
            var usage = RuleUsage(file: file)
            for entry in decided {
                usage.record(
                    state: entry.decision.state, decidingRule: entry.decision.decidingRule, path: entry.path,
                    isFile: !entry.isDirectory, bytes: 1)
            }
            for rule in 0..<file.rules.count {
                let expected = decided.contains { $0.decision.state.matched(rule) }
                #expect(usage.matchedAnything(rule) == expected, "seed \(seed) rule \(rule)")
            }
            #expect(!usage.matchedAnything(5), "`zzz` never matches")
            #expect(usage.reincludedPaths(4) == nil, "`!a/keep` is a literal exception: no paths kept")
        }
    }

    @Test func talliesCountWhatEachRuleDecided() throws {
        let file = try IgnoreFile.parse(text: "*.log\n!keep.log\n", source: ".dockerignore")
        let matcher = try IgnoreMatcher(file)
        var usage = RuleUsage(file: file)
        for (path, bytes) in [("a.log", Int64(10)), ("keep.log", 3), ("src.c", 7)] {
            let decision = try matcher.decide(path, isDirectory: false, parent: .root)
            usage.record(
                state: decision.state, decidingRule: decision.decidingRule, path: path, isFile: true, bytes: bytes)
        }
        #expect(usage.tally(0) == RuleUsage.Tally(entries: 1, files: 1, bytes: 10))
        #expect(usage.tally(1) == RuleUsage.Tally(entries: 1, files: 1, bytes: 3))
    }

    @Test func tooManyReincludedPathsGiveNoList() throws {
        let file = try IgnoreFile.parse(text: "*\n!**/*.go\n", source: ".dockerignore")
        let matcher = try IgnoreMatcher(file)
        var usage = RuleUsage(file: file)
        for index in 0...RuleUsage.reincludedPathLimit {
            let path = "f\(index).go"
            let decision = try matcher.decide(path, isDirectory: false, parent: .root)
            usage.record(state: decision.state, decidingRule: decision.decidingRule, path: path, isFile: true, bytes: 1)
        }
        #expect(usage.reincludedPaths(1) == nil)
        #expect(usage.tally(1).files == RuleUsage.reincludedPathLimit + 1)
    }
}
