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

    static func outcome(_ body: () throws(IgnoreError) -> String) -> String {
        do throws(IgnoreError) { return try body() } catch { return "error \(error.code) line \(error.line)" }
    }

    @Test func fastPathsAgreeWithTheGeneralMatcher() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
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
                let a = Self.outcome { () throws(IgnoreError) in "\(try fast.excluded(path))" }
                let b = Self.outcome { () throws(IgnoreError) in "\(try general.excluded(path))" }
                let c = Self.outcome { () throws(IgnoreError) in "\(try fast.sent(path))" }
                let d = Self.outcome { () throws(IgnoreError) in "\(try general.sent(path))" }
                #expect(a == b && c == d, "seed \(seed): \(lines) \(path.debugDescription): \(a) vs \(b), \(c) vs \(d)")
                if a != b || c != d { return }
                compared += 1
            }
        }
        #expect(compared > 10_000, "seed \(seed)")
    }

    /// A directory tree built from file paths: children sorted bytewise like `filepath.WalkDir`.
    final class Directory {
        var files: Set<String> = []
        var directories: [String: Directory] = [:]

        func add(_ components: ArraySlice<String>) {
            guard let first = components.first else { return }
            if components.count == 1 {
                if directories[first] == nil { files.insert(first) }
            } else if !files.contains(first) {
                let child = directories[first] ?? Directory()
                directories[first] = child
                child.add(components.dropFirst())
            }
        }
    }

    /// The files a BuildKit-style walk sends; with `skipProvenEmpty`, also skips directories `nothingSentBelow`
    /// proves empty. `nil` when the walk hits a match-time error.
    static func sentFiles(
        _ matcher: IgnoreMatcher, _ root: Directory, skipProvenEmpty: Bool, skips: inout Int
    ) -> [String]? {
        var sent: [String] = []
        var skipped = 0
        defer { skips += skipped }
        func walk(_ directory: Directory, _ prefix: String, _ state: ParentMatches) throws(IgnoreError) {
            let names = (Array(directory.files) + Array(directory.directories.keys)).sorted {
                Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
            }
            for name in names {
                let path = prefix.isEmpty ? name : prefix + "/" + name
                if let child = directory.directories[name] {
                    let decision = try matcher.decide(path, isDirectory: true, parent: state)
                    if decision.dockerPrunes { continue }
                    if skipProvenEmpty, matcher.nothingSentBelow(directory: path, state: decision.state) {
                        skipped += 1
                        continue
                    }
                    try walk(child, path, decision.state)
                } else if try !matcher.decide(path, isDirectory: false, parent: state).excluded {
                    sent.append(path)
                }
            }
        }
        do throws(IgnoreError) {
            try walk(root, "", .root)
        } catch {
            return nil
        }
        return sent
    }

    @Test func skippingProvenEmptyDirectoriesNeverChangesWhatIsSent() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        var skippedSomething = 0  // directories skipped beyond Docker's own pruning
        for _ in 0..<2000 {
            let lines = (0..<Int.random(in: 1...5, using: &rng)).map { _ in Self.pattern(&rng, globOnly: false) }
            let file = try IgnoreFile.parse(text: lines.joined(separator: "\n"), source: ".dockerignore")
            guard let matcher = try? IgnoreMatcher(file) else { continue }
            let root = Directory()
            for _ in 0..<30 { root.add(Self.path(&rng).split(separator: "/").map(String.init)[...]) }
            var unused = 0
            let docker = Self.sentFiles(matcher, root, skipProvenEmpty: false, skips: &unused)
            let ctxtrim = Self.sentFiles(matcher, root, skipProvenEmpty: true, skips: &skippedSomething)
            #expect(docker == ctxtrim, "seed \(seed): \(lines)")
            if docker != ctxtrim { return }
        }
        #expect(skippedSomething > 100, "seed \(seed)")
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
