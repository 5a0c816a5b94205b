import ContextWalker
import Testing

/// `WalkOptions.timesDirectories`: off, the hook is never called; on, once per directory read, the root included,
/// with the directory's own time, never a skipped directory's.
@Suite struct DirectoryTimingTests {
    struct TimingVisitor: WalkVisitor {
        var timed: [String: UInt64] = [:]
        var calls = 0

        mutating func visit(_ entry: WalkEntry, state: Bool) {}
        mutating func directoryFinished(_ summary: DirectorySummary, state: Bool) {}
        mutating func diagnostic(_ diagnostic: WalkDiagnostic) {}
        mutating func directoryTimed(path: UnsafeBufferPointer<UInt8>, state: Bool, nanoseconds: UInt64) {
            timed[String(decoding: path, as: UTF8.self), default: 0] += nanoseconds
            calls += 1
        }
        mutating func merge(_ other: consuming TimingVisitor) {
            timed.merge(other.timed) { $0 + $1 }
            calls += other.calls
        }
    }

    static func makeTree() throws -> TestTree {
        let tree = try TestTree()
        for directory in ["src", "src/a", "src/a/b", "build", "vendor"] { tree.directory(directory) }
        tree.file("Dockerfile", size: 3)
        tree.file("src/a/b/c.txt", size: 1)
        tree.file("src/d.txt", size: 1)
        tree.file("build/out.bin", size: 5)
        tree.file("vendor/keep.txt", size: 2)
        return tree
    }

    static let filter = RuleFilter(skipped: ["build"], enteredExcluded: ["vendor"], kept: ["keep.txt"])

    @Test(arguments: [1, 2])
    func offNeverCallsTheHook(threads: Int) throws {
        let tree = try Self.makeTree()
        let result = try ContextWalker(root: tree.root, options: WalkOptions(threads: threads))
            .walk(filter: Self.filter, makeVisitor: { TimingVisitor() })
        #expect(result.visitor.calls == 0)
    }

    @Test(arguments: [1, 2])
    func onTimesEveryDirectoryReadOnce(threads: Int) throws {
        let tree = try Self.makeTree()
        var options = WalkOptions(threads: threads)
        options.timesDirectories = true
        let result = try ContextWalker(root: tree.root, options: options)
            .walk(filter: Self.filter, makeVisitor: { TimingVisitor() })
        #expect(Set(result.visitor.timed.keys) == ["", "src", "src/a", "src/a/b", "vendor"])
        #expect(result.visitor.calls == 5)

        options.measureExcluded = true
        let measured = try ContextWalker(root: tree.root, options: options)
            .walk(filter: Self.filter, makeVisitor: { TimingVisitor() })
        #expect(Set(measured.visitor.timed.keys) == ["", "src", "src/a", "src/a/b", "vendor", "build"])
    }
}
