import Synchronization

/// How many walks this process has started, so tests can prove that several builds share one walk.
package enum WalkCounter {
    private static let count = Atomic<Int>(0)

    /// Calls of `ContextWalker.walk` so far, in this process.
    package static var walks: Int { count.load(ordering: .relaxed) }

    static func recordWalk() {
        count.add(1, ordering: .relaxed)
    }
}
