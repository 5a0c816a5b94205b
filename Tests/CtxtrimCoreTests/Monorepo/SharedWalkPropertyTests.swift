import ContextWalker
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// On random trees with nested contexts and random ignore files (re-includes, wildcards, whole-context exclusions),
/// every build of the shared walk equals a separate scan of that build.
@Suite struct SharedWalkPropertyTests {
    static let directoryNames = ["src", "logs", "node_modules", "a", "b", "deep"]
    static let fileNames = ["x.log", "y.js", ".env", "keep.txt", "Cargo.toml", "z.bin"]
    static let ignoreLines = [
        "node_modules", "*.log", "**/*.log", "logs/", "!logs/keep.txt", "src/**", "!src/y.js", "a", "b/*", "!b/x.log",
        "*", "!src", "!**/keep.txt", "deep/**/z.bin", ".env", "**/node_modules",
    ]
    static let dockerfiles = [
        "FROM scratch\nCOPY . /app\n", "FROM scratch\nCOPY src /app/src\n", "FROM scratch\nCOPY *.txt b/ /app/\n",
    ]

    /// Builds a random tree and returns the contexts that got a Dockerfile (relative to the root).
    static func randomTree(in scratch: TemporaryTree, using random: inout SplitMix64) throws -> [String] {
        var directories = ["."]
        for _ in 0..<Int.random(in: 4...10, using: &random) {
            let parent = directories.randomElement(using: &random)!
            let name = directoryNames.randomElement(using: &random)!
            let path = parent == "." ? name : parent + "/" + name
            if !directories.contains(path) { directories.append(path) }
        }
        for directory in directories {
            try scratch.makeDirectory(directory)
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let name = fileNames.randomElement(using: &random)!
                let size = Int.random(in: 0...900, using: &random)
                try scratch.write(directory + "/" + name, String(repeating: "q", count: size))
            }
        }
        var contexts: [String] = []
        for directory in directories where contexts.isEmpty || Bool.random(using: &random) {
            contexts.append(directory)
            try scratch.write(directory + "/Dockerfile", dockerfiles.randomElement(using: &random)!)
            if Int.random(in: 0..<4, using: &random) > 0 {
                let lines = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                    ignoreLines.randomElement(using: &random)!
                }
                try scratch.write(directory + "/.dockerignore", lines.joined(separator: "\n") + "\n")
            }
            if contexts.count == 4 { break }
        }
        return contexts
    }

    /// git rules for the repository variant, over the same names as the tree.
    static let gitignoreLines = ["*.log", "node_modules/", "z.bin", "deep/", "!keep.txt", "logs", "/a", "**/.env"]

    /// The fixed seeds; `CTXTRIM_TEST_SEED` replaces them.
    static let seeds = TestSeeds.list((1...24).map { 0x5AED_0000 + UInt64($0) })

    @Test(arguments: seeds)
    func everyBuildOfRandomTreesEqualsItsOwnScan(seed: UInt64) throws {
        try Self.compareSharedWalkWithSingleScans(seed: seed, git: false)
    }

    /// The same in a real git repository made at test time: a random root `.gitignore`, part of the tree committed
    /// and the rest untracked, so every git class is counted by the shared walk and by each separate scan.
    @Test(arguments: seeds)
    func everyBuildOfRandomRepositoriesEqualsItsOwnScan(seed: UInt64) throws {
        try Self.compareSharedWalkWithSingleScans(seed: seed, git: true)
    }

    static func compareSharedWalkWithSingleScans(seed: UInt64, git: Bool) throws {
        var random = SplitMix64(seed: seed)
        let note = TestSeeds.describe(seed) + (git ? " (git)" : "")
        let scratch = try TemporaryTree("shared-walk")
        let contexts = try Self.randomTree(in: scratch, using: &random)
        if git {
            let lines = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                gitignoreLines.randomElement(using: &random)!
            }
            try scratch.write(".gitignore", lines.map { $0 + "\n" }.joined())
            let repository = try GitRepository.create(in: scratch)
            let everything = try repository.paths(["ls-files", "-z", "--others", "--exclude-standard"])
            let committed = everything.filter { _ in Bool.random(using: &random) }
            if !committed.isEmpty {
                try repository.add(["--"] + committed)
                try repository.commit("part of the tree")
            }
        }
        let builds = try BuildDiscovery.discover(root: scratch.path)
        // Discovery never enters node_modules, so Dockerfiles there are not builds.
        let reachable = contexts.filter { !$0.split(separator: "/").contains("node_modules") }
        #expect(Set(builds.map { BuildDiscovery.directory(of: $0.dockerfile) }) == Set(reachable), "\(note)")
        // A build from another directory than its Dockerfile's says why (its sources are found from an ancestor).
        for build in builds where build.context != BuildDiscovery.directory(of: build.dockerfile) {
            #expect(build.contextReason != nil, "\(note): \(build.dockerfile)")
        }
        var options = ContextScanner.Options()
        options.git = git
        options.measureExcluded = seed % 2 == 0
        options.threads = 1 + Int(seed / 2 % 2)
        let multi = try MultiContextScanner(root: scratch.path, builds: builds, options: options).scan()
        for scan in multi.builds {
            let single = try MultiContextScannerTests.singleScan(scan.build, root: scratch.path, options: options)
            let shared = MultiContextScannerTests.Comparable(scan.report)
            let alone = MultiContextScannerTests.Comparable(single)
            #expect(shared == alone, "\(note), build \(scan.build.name)")
            #expect((scan.report.git != nil) == git, "\(note), build \(scan.build.name): git classes")
        }
    }
}
