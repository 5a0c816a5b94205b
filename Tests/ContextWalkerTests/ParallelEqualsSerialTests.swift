import ContextWalker
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Rules that give every verdict on the names ``RandomTreeBuilder`` draws.
private let propertyFilter = RuleFilter(
    excluded: ["secret.env", "x.txt"], skipped: ["build", "node_modules"], enteredExcluded: ["vendor", "logs"],
    kept: ["keep.txt", "a"])

private let walkVariants: [WalkOptions] = [2, 4].flatMap { threads in
    [false, true].map { WalkOptions(threads: threads, measureExcluded: $0) }
}

/// Checks what only the serial walk promises: WalkDir order; a directory visited before its contents, finished after.
private func expectSerialOrder(_ visitor: RecordingVisitor, seed: UInt64) {
    let ordered = visitor.visitedRawPaths.sorted(by: walkOrderPrecedes)
    #expect(visitor.visitedRawPaths == ordered, "serial order, seed \(seed)")
    var position: [String: Int] = [:]
    for (index, event) in visitor.events.enumerated() { position[event] = index }
    for (index, event) in visitor.events.enumerated() where event.hasPrefix("f ") {
        let directory = String(event.dropFirst(2))
        #expect((position["v " + directory] ?? Int.max) < index, "visit before finish of \(directory), seed \(seed)")
        let late = visitor.events[index...].contains {
            $0.hasPrefix("v \(directory)/") || $0.hasPrefix("f \(directory)/")
        }
        #expect(!late, "\(directory) finished before its subtree, seed \(seed)")
    }
}

/// Walks serially, then with each parallel variant; expects the same multiset of visits, summaries and diagnostics.
private func expectParallelEqualsSerial<Calls: SystemCalls>(_ tree: TestTree, calls: Calls, seed: UInt64) throws {
    for measure in [false, true] {
        let serial = try record(tree, filter: propertyFilter, options: .serial(measureExcluded: measure), calls: calls)
        expectSerialOrder(serial.visitor, seed: seed)
        for options in walkVariants where options.measureExcluded == measure {
            let parallel = try record(tree, filter: propertyFilter, options: options, calls: calls)
            #expect(
                parallel.visitor.sortedRecord == serial.visitor.sortedRecord,
                "seed \(seed), \(options.threads) threads, measureExcluded \(measure)")
            #expect(parallel.totals == serial.totals, "seed \(seed), \(options.threads) threads")
        }
    }
}

@Suite("The parallel walk equals the serial walk")
struct ParallelEqualsSerialTests {
    @Test("On random trees", arguments: TestSeeds.list([1, 2, 3, 4, 5, 6, 7, 8]))
    func randomTrees(seed: UInt64) throws {
        let tree = try TestTree()
        var builder = RandomTreeBuilder(seed: seed)
        let made = builder.build(into: tree, count: 400)
        #expect(made > 100, "seed \(seed)")
        try expectParallelEqualsSerial(tree, calls: POSIXSystemCalls(), seed: seed)
    }

    @Test("On an odd tree: symlink loops, dangling links, a FIFO, non-UTF-8 names, 300 levels, unreadable directories")
    func oddTree() throws {
        let tree = try TestTree()
        tree.directory("odd")
        tree.symlink("odd/loop-a", to: "loop-b")
        tree.symlink("odd/loop-b", to: "loop-a")
        tree.symlink("odd/self", to: "self")
        tree.symlink("odd/up", to: "..")
        tree.symlink("odd/dangling", to: "does/not/exist")
        tree.fifo("odd/pipe")
        tree.directory([0x6F, 0x64, 0x64, 0x2F, 0xC3, 0x28])
        tree.file([0x6F, 0x64, 0x64, 0x2F, 0xC3, 0x28, 0x2F, 0x80], size: 7)
        tree.directory("odd/locked")
        tree.file("odd/locked/hidden", size: 3)
        tree.directory("odd/broken")
        tree.file("odd/broken/lost", size: 3)
        tree.directory("vendor")
        tree.file("vendor/keep.txt", size: 2)
        tree.nestedDirectories(under: "vendor", levels: 300, name: "d", leafSize: 4)
        tree.directory("build")
        tree.nestedDirectories(under: "build", levels: 300, name: "b", leafSize: 5)
        let calls = InjectingSystemCalls(faults: [
            .init(syscall: "openat", path: "odd/locked"): EACCES,
            .init(syscall: "getdents64", path: "odd/broken"): EIO,
        ])
        try expectParallelEqualsSerial(tree, calls: calls, seed: 0)

        let serial = try record(tree, filter: propertyFilter, options: .serial(measureExcluded: true), calls: calls)
        #expect(serial.visitor.visits.contains("odd/up l size=2 depth=2 sent name=up"))
        #expect(serial.visitor.visits.contains("odd/dangling l size=14 depth=2 sent name=dangling"))
        #expect(serial.totals.unreadableDirectories == 2)
        #expect(serial.visitor.visits.filter { $0.contains("insideSkipped") }.count == 301)
        #expect(
            serial.visitor.diagnostics.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [
                .nonUTF8Name, .nonUTF8Name, .specialFile, .systemError, .unreadableDirectory,
            ])
    }
}
