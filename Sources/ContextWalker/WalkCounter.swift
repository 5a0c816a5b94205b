import Synchronization

/// How many walks this process has started, in all and per root, so tests can prove that several builds share one
/// walk even while other tests walk in parallel.
@usableFromInline package enum WalkCounter {
    private static let total = Atomic<Int>(0)
    private static let byRoot = Mutex<[String: Int]>([:])

    /// Calls of `ContextWalker.walk` so far, in this process.
    package static var walks: Int { total.load(ordering: .relaxed) }

    /// Calls of `ContextWalker.walk` on `root` (as the walker was given it) so far, in this process.
    package static func walks(of root: String) -> Int {
        byRoot.withLock { $0[root] ?? 0 }
    }

    @usableFromInline static func recordWalk(root: String) {
        total.add(1, ordering: .relaxed)
        byRoot.withLock { $0[root, default: 0] += 1 }
    }
}
