import ContextWalker
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The tree changes under the walk: what the walker then does must not depend on paths resolved again.
@Suite struct ChangingTreeTests {
    /// Regression: a directory handed to another worker was reopened by its whole path from the root with
    /// `openat(O_NOFOLLOW)`, which refuses only a final symlink; an ancestor swapped for a link after it was read
    /// took the walk out of the context (to `/`, in a hostile tree), and the checks read the files found there.
    @Test("A handed-over directory whose ancestor became a symlink is not reached through the link")
    func handedOverDirectoryIsNotReachedThroughASwappedAncestor() throws {
        let tree = try TestTree()
        tree.directory("top")
        tree.directory("top/mid")
        tree.file("top/mid/inside", size: 1)
        let outside = try TestTree()
        outside.directory("mid")
        outside.file("mid/outside", size: 2)
        let calls = AncestorSwappingCalls(swapping: "top", in: tree.root, for: outside.root)
        let (visitor, _) = try record(tree, filter: RuleFilter(), options: WalkOptions(threads: 2), calls: calls)
        try #require(calls.swapped, "top/mid was not handed over: the race this test sets up did not happen")
        #expect(!visitor.visitedPaths.contains("top/mid/outside"), "\(visitor.visits)")
        // openat(O_DIRECTORY | O_NOFOLLOW) on the link: ENOTDIR on Linux, ELOOP elsewhere.
        #expect(visitor.diagnostics.map(\.path) == [Array("top/mid".utf8)], "\(visitor.diagnostics)")
        #expect(visitor.diagnostics.allSatisfy { [.notADirectory, .symlinkLoop].contains($0.kind) })
    }
}

/// The real system calls, except that the second time the walk opens a directory below `name` from the root (which
/// only a hand-over does), `name` is first moved away and replaced by a symlink to `target`. The first read of `name`
/// is slowed down so that the other worker is idle, and takes the hand-over, when `name/mid` is met.
final class AncestorSwappingCalls: SystemCalls, @unchecked Sendable {
    private let real = POSIXSystemCalls()
    private let name: String
    private let root: String
    private let target: String
    private let rootDescriptor = Atomic<Int32>(-1)
    private let opensFromRoot = Atomic<Int>(0)
    private let readsOfName = Atomic<Int>(0)
    private let didSwap = Atomic<Bool>(false)

    init(swapping name: String, in root: String, for target: String) {
        self.name = name
        self.root = root
        self.target = target
    }

    var swapped: Bool { didSwap.load(ordering: .sequentiallyConsistent) }

    func openRoot(_ path: String) throws(SystemCallError) -> Int32 {
        let descriptor = try real.openRoot(path)
        rootDescriptor.store(descriptor, ordering: .sequentiallyConsistent)
        return descriptor
    }

    func openDirectory(at parent: Int32, name cName: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int32
    {
        let relative = String(decoding: path, as: UTF8.self)
        if parent == rootDescriptor.load(ordering: .sequentiallyConsistent),
            relative == name || relative.hasPrefix(name + "/"),
            opensFromRoot.add(1, ordering: .sequentiallyConsistent).newValue == 2
        {
            precondition(rename(root + "/" + name, target + "/moved-" + name) == 0, "rename: errno \(errno)")
            precondition(symlink(target, root + "/" + name) == 0, "symlink: errno \(errno)")
            didSwap.store(true, ordering: .sequentiallyConsistent)
        }
        return try real.openDirectory(at: parent, name: cName, path: path)
    }

    func readEntries(_ directory: Int32, into buffer: UnsafeMutableRawBufferPointer, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> Int
    {
        if String(decoding: path, as: UTF8.self) == name,
            readsOfName.add(1, ordering: .sequentiallyConsistent).newValue == 1
        {
            usleep(200_000)
        }
        return try real.readEntries(directory, into: buffer, path: path)
    }

    func status(at parent: Int32, name: UnsafePointer<CChar>, path: UnsafeBufferPointer<UInt8>)
        throws(SystemCallError) -> FileStatus
    {
        try real.status(at: parent, name: name, path: path)
    }

    func close(_ descriptor: Int32) { real.close(descriptor) }

    func credentials() -> Credentials { real.credentials() }
}
