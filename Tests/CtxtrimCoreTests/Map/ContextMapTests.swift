import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// The treemap of the HTML report, from real walks: it adds up to the report, colours what the evidence says, names
/// the rule that decided a tile and stays within its budget on a big tree.
@Suite struct ContextMapTests {
    static func scan(
        _ tree: TemporaryTree, threads: Int = 2, git: Bool = false,
        configure: (inout ContextScanner.Options) -> Void = { _ in }
    ) throws -> ScanReport {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = threads
        options.git = git
        options.mapsContext = true
        configure(&options)
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
    }

    /// A Node service as developers' machines have it: dependencies, a build, a secret, logs kept out by the
    /// ignore file, a large dump.
    static func nodeService() throws -> TemporaryTree {
        let tree = try TemporaryTree("map")
        try tree.write(
            "Dockerfile", "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n")
        try tree.write(".dockerignore", "*.log\nnotes\n!notes/keep.txt\n")
        try tree.write("package.json", #"{"name": "orders", "dependencies": {"express": "4"}}"#)
        try tree.write("server.js", "require('express')().listen(3000)\n")
        try tree.write("src/routes/orders.js", String(repeating: "module.exports = {};\n", count: 40))
        try tree.write("node_modules/express/index.js", String(repeating: "x", count: 5000))
        try tree.write("node_modules/express/package.json", #"{"name": "express"}"#)
        try tree.write("dist/server.js", String(repeating: "y", count: 3000))
        try tree.write(".env", "DATABASE_PASSWORD=hunter2-but-longer\n")
        try tree.write("server.log", String(repeating: "GET / 200\n", count: 50))
        try tree.write("logs/old.log", String(repeating: "GET / 500\n", count: 20))
        try tree.write("notes/draft.md", String(repeating: "# idea\n", count: 100))
        try tree.write("notes/keep.txt", "kept\n")
        try tree.write(".idea/workspace.xml", "<project/>\n")
        try tree.write("dump.sql", String(repeating: "INSERT INTO t VALUES (1);\n", count: 1000))
        return tree
    }

    static func node(_ map: ContextMap, _ path: String) -> ContextMap.Node? {
        var found: ContextMap.Node?
        func visit(_ node: ContextMap.Node) {
            if node.path == path && node.kind != .rest { found = node }
            node.children.forEach(visit)
        }
        visit(map.root)
        return found
    }

    @Test func theRootAddsUpToTheReportsTotals() throws {
        let tree = try Self.nodeService()
        let report = try Self.scan(tree)
        let map = try #require(report.map)
        #expect(map.root.sent.bytes == report.sent.bytes)
        #expect(map.root.sent.files == report.sent.files)
        #expect(map.root.excluded.bytes == report.excluded.bytes)
        #expect(map.root.excluded.files == report.excluded.files)
        // Every directory's children, rest tiles included, add up to it.
        func check(_ node: ContextMap.Node) {
            guard node.kind == .directory, !node.children.isEmpty else { return }
            #expect(node.children.reduce(0) { $0 + $1.sent.bytes } == node.sent.bytes, "\(node.path)")
            #expect(node.children.reduce(0) { $0 + $1.excluded.bytes } == node.excluded.bytes, "\(node.path)")
            #expect(node.children.reduce(0) { $0 + $1.sent.files } == node.sent.files, "\(node.path)")
            node.children.forEach(check)
        }
        check(map.root)
    }

    @Test func tilesTakeTheClassOfTheirEvidence() throws {
        let tree = try Self.nodeService()
        let report = try Self.scan(tree)
        let map = try #require(report.map)
        #expect(Self.node(map, ".env")?.mapClass == .secret)
        #expect(Self.node(map, ".env")?.check == .secretFile)
        #expect(Self.node(map, "node_modules")?.mapClass == .dependency)
        // Below a dependency directory, everything is that dependency.
        #expect(Self.node(map, "node_modules/express")?.mapClass == .dependency)
        #expect(Self.node(map, "dist")?.mapClass == .buildOutput)
        #expect(Self.node(map, "server.log")?.mapClass == .excluded)
        #expect(Self.node(map, "src")?.mapClass == .sent)
        // `dump.sql` is under the large-file threshold, and `fix` would keep it out.
        // `fix` keeps editor junk out; the dump is under the bulk thresholds, so it stays.
        #expect(Self.node(map, ".idea")?.mapClass == .fix)
        #expect(Self.node(map, ".idea/workspace.xml")?.mapClass == .fix)
        #expect(Self.node(map, "dump.sql")?.mapClass == .sent)
        #expect(Self.node(map, "notes")?.mapClass == .sent)
        #expect(Self.node(map, "notes/draft.md")?.mapClass == .excluded)
    }

    @Test func aTileNamesTheIgnoreFileLineThatDecidedIt() throws {
        let tree = try Self.nodeService()
        let map = try #require(try Self.scan(tree).map)
        let log = try #require(Self.node(map, "server.log"))
        #expect(log.rule == .init(file: ".dockerignore", line: 1, pattern: "*.log", isException: false))
        let kept = try #require(Self.node(map, "notes/keep.txt"))
        #expect(kept.rule == .init(file: ".dockerignore", line: 3, pattern: "!notes/keep.txt", isException: true))
        #expect(kept.mapClass == .sent)
        let notes = try #require(Self.node(map, "notes"))
        #expect(notes.rule?.line == 2)
        // Below an excluded directory, its line decided.
        #expect(Self.node(map, "notes/draft.md")?.rule?.line == 2)
    }

    @Test func aLargeFileOverTheThresholdIsOfItsOwnClass() throws {
        let tree = try TemporaryTree("map")
        try tree.write("Dockerfile", "FROM scratch\nCOPY . /\n")
        try tree.write("model.bin", String(repeating: "z", count: 40_000))
        let report = try Self.scan(tree) { $0.largeFileThreshold = 10_000 }
        let map = try #require(report.map)
        #expect(Self.node(map, "model.bin")?.mapClass == .largeFile)
    }

    @Test func aGitIgnoredDirectoryThatIsSentIsColouredSo() throws {
        let tree = try TemporaryTree("map")
        try tree.write("Dockerfile", "FROM scratch\nCOPY . /\n")
        try tree.write(".gitignore", "cache/\n")
        try tree.write("main.go", "package main\n")
        for index in 0..<3 { try tree.write("cache/blob\(index)", String(repeating: "c", count: 2000)) }
        let repository = try GitRepository.create(in: tree)
        try repository.commitAll()
        let report = try Self.scan(tree, git: true)
        let map = try #require(report.map)
        #expect(Self.node(map, "cache")?.mapClass == .gitIgnored)
        #expect(Self.node(map, "main.go")?.mapClass == .sent)
    }

    @Test func anyNumberOfThreadsDrawsTheSameMap() throws {
        let tree = try Self.nodeService()
        for index in 0..<60 {
            try tree.write("assets/img\(index % 7)/p\(index).png", String(repeating: "p", count: 97 * index))
        }
        let one = try #require(try Self.scan(tree, threads: 1).map)
        let four = try #require(try Self.scan(tree, threads: 4).map)
        #expect(one == four)
    }

    @Test func aBigTreeIsCutDownToTheBudgetAndStillAddsUp() throws {
        let tree = try TemporaryTree("map")
        try tree.write("Dockerfile", "FROM scratch\nCOPY . /\n")
        try tree.write("secrets/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n")
        for directory in 0..<600 {
            for file in 0..<3 {
                try tree.write(
                    "pkg/m\(directory / 30)/d\(directory)/f\(file).txt", String(repeating: "a", count: 10 + directory))
            }
        }
        let report = try Self.scan(tree)
        let map = try #require(report.map)
        #expect(map.root.nodeCount <= ContextMap.nodeBudget)
        #expect(map.root.nodeCount > ContextMap.nodeBudget / 4)
        #expect(map.root.sent.bytes == report.sent.bytes)
        #expect(map.root.sent.files == report.sent.files)
        // The tiniest entry is kept when a finding names it.
        #expect(Self.node(map, "secrets/id_rsa")?.mapClass == .secret)
        func rests(_ node: ContextMap.Node) -> Int {
            (node.kind == .rest ? 1 : 0) + node.children.reduce(0) { $0 + rests($1) }
        }
        #expect(rests(map.root) > 0)
    }

    /// `--all` on a repository of many builds: their maps share the page's budget and are cut to it.
    @Test func manyBuildsShareThePagesBudget() throws {
        let tree = try TemporaryTree("map")
        // 80 builds of 190 entries each: more than the 150 each may have when 80 share a page.
        for service in 0..<80 {
            try tree.write("svc\(service)/Dockerfile", "FROM scratch\nCOPY . /\n")
            for file in 0..<170 {
                try tree.write("svc\(service)/d\(file % 20)/f\(file).txt", String(repeating: "x", count: file + 1))
            }
        }
        var options = ContextScanner.Options()
        options.git = false
        options.mapsContext = true
        let discovery = try BuildDiscovery.run(root: tree.path, threads: 2)
        let multi = try MultiContextScanner(root: tree.path, discovery: discovery, options: options).scan()
        #expect(multi.builds.count == 80)
        #expect(ContextMap.nodeBudget(forBuilds: 80) == ContextMap.minimumNodeBudget)
        let counts = multi.builds.map { $0.report.map?.root.nodeCount ?? 0 }
        #expect(counts.allSatisfy { $0 > ContextMap.minimumNodeBudget / 2 && $0 <= ContextMap.minimumNodeBudget })
        #expect(counts.reduce(0, +) <= ContextMap.pageNodeBudget)
        // Cut down, each map still adds up to its build's report.
        for scan in multi.builds { #expect(scan.report.map?.root.sent.bytes == scan.report.sent.bytes) }
    }

    @Test func noMapIsCollectedUnlessAsked() throws {
        let tree = try Self.nodeService()
        #expect(try Self.scan(tree) { $0.mapsContext = false }.map == nil)
    }
}
