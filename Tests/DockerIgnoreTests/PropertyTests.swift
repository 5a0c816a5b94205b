import TestSupport
import Testing

@testable import DockerIgnore

/// Invariants over thousands of random pattern sets, paths and trees.
@Suite struct PropertyTests {
    static let patternPieces = [
        "a", "b", "ab", "é", "😀", ".", "-", "x", "/", "/", "*", "*", "?", "**", "**/", "[ab]", "\\*", "{2}", "|", "^",
        "\\d", "node_modules", "build", ".md",
    ]
    static let segmentPieces = [
        "a", "b", "ab", "é", "😀", ".", "x", "*", "?", "\n", "node_modules", "build", "aa", "md",
    ]

    static func pattern(_ rng: inout SplitMix64, globOnly: Bool) -> String {
        let pieces =
            globOnly
            ? patternPieces.filter { !"[\\{|^".contains($0.first!) && $0 != "**" && $0 != "**/" } : patternPieces
        var text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        if Int.random(in: 0..<4, using: &rng) == 0 { text = "!" + text }
        return text
    }

    static func path(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...4, using: &rng)).map { _ in
            var segment = (0..<Int.random(in: 1...3, using: &rng)).map { _ in segmentPieces.randomElement(using: &rng)!
            }
            .joined()
            if segment == "." || segment == ".." { segment = "a" }
            return segment
        }.joined(separator: "/")
    }

    @Test(arguments: TestSeeds.list([0x1_6E0_0001, 0x1_6E0_0002]))
    func fastPathsAgreeWithTheGeneralMatcher(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var compared = 0
        for round in 0..<3000 {
            let lines = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                Self.pattern(&rng, globOnly: round % 2 == 0)
            }
            let file = try IgnoreFile.parse(text: lines.joined(separator: "\n"), source: ".dockerignore")
            guard let fast = try? IgnoreMatcher(file), let general = try? IgnoreMatcher(file, fastPaths: false) else {
                continue
            }
            for _ in 0..<10 {
                let path = Self.path(&rng)
                let a = ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try fast.excluded(path))" }
                let b = ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try general.excluded(path))" }
                let c = ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try fast.sent(path))" }
                let d = ReferenceIgnoreWalk.outcome { () throws(IgnoreError) in "\(try general.sent(path))" }
                #expect(
                    a == b && c == d,
                    "\(TestSeeds.describe(seed)): \(lines) \(path.debugDescription): \(a) vs \(b), \(c) vs \(d)")
                if a != b || c != d { return }
                compared += 1
            }
        }
        #expect(compared > 10_000, "\(TestSeeds.describe(seed))")
    }

    @Test(arguments: TestSeeds.list([0x1_6E0_0003, 0x1_6E0_0004]))
    func skippingProvenEmptyDirectoriesNeverChangesWhatIsSent(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var skippedSomething = 0  // directories skipped beyond Docker's own pruning
        for _ in 0..<2000 {
            let lines = (0..<Int.random(in: 1...5, using: &rng)).map { _ in Self.pattern(&rng, globOnly: false) }
            let file = try IgnoreFile.parse(text: lines.joined(separator: "\n"), source: ".dockerignore")
            guard let matcher = try? IgnoreMatcher(file) else { continue }
            let root = ReferenceIgnoreWalk.Directory()
            for _ in 0..<30 { root.add(Self.path(&rng).split(separator: "/").map(String.init)[...]) }
            var unused = 0
            let docker = ReferenceIgnoreWalk.sentFiles(matcher, root, skipProvenEmpty: false, skips: &unused)
            let ctxtrim = ReferenceIgnoreWalk.sentFiles(matcher, root, skipProvenEmpty: true, skips: &skippedSomething)
            #expect(docker == ctxtrim, "\(TestSeeds.describe(seed)): \(lines)")
            if docker != ctxtrim { return }
        }
        #expect(skippedSomething > 100, "\(TestSeeds.describe(seed))")
    }

    @Test func nothingSentBelowSeesThroughUnrelatedWildcardExceptions() throws {
        let matcher = try IgnoreMatcher(
            IgnoreFile.parse(text: "node_modules\n!packages/*/README.md\n!**/keep", source: ".dockerignore"))
        let nodeModules = try matcher.decide("node_modules", isDirectory: true, parent: .root)
        #expect(nodeModules.excluded && !nodeModules.dockerPrunes)
        #expect(!matcher.nothingSentBelow(directory: "node_modules", state: nodeModules.state))
        let narrow = try IgnoreMatcher(
            IgnoreFile.parse(text: "node_modules\n!packages/*/README.md\n!src/**/*.md", source: ".dockerignore"))
        let state = try narrow.decide("node_modules", isDirectory: true, parent: .root)
        #expect(state.excluded && !state.dockerPrunes)
        #expect(narrow.nothingSentBelow(directory: "node_modules", state: state.state))
        let packages = try narrow.decide("packages", isDirectory: true, parent: .root)
        #expect(!narrow.nothingSentBelow(directory: "packages", state: packages.state))
    }
}
