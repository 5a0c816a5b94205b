import Synchronization

/// What the workers of one walk share: the inputs, the queue, and the outcome.
@usableFromInline
final class WalkRun<Filter: WalkFilter, Visitor: WalkVisitor, Calls: SystemCalls>: Sendable
where Visitor.State == Filter.State {
    /// The filter's first failure, by lexically smallest path.
    @usableFromInline
    struct Failure {
        @usableFromInline let path: [UInt8]
        @usableFromInline let error: any Error

        @inlinable
        init(path: [UInt8], error: any Error) {
            self.path = path
            self.error = error
        }
    }

    @usableFromInline let filter: Filter
    @usableFromInline let calls: Calls
    @usableFromInline let options: WalkOptions
    @usableFromInline let credentials: Credentials
    @usableFromInline let progress: WalkProgress
    @usableFromInline let rootDescriptor: Int32
    /// The byte length of the root as given, to tell when an absolute path reaches PATH_MAX.
    @usableFromInline let rootLength: Int
    @usableFromInline let queue = WorkQueue<DirectoryJob<Filter.State>>()
    @usableFromInline let stopped = Atomic<Bool>(false)
    @usableFromInline let failure = Mutex<Failure?>(nil)
    @usableFromInline let rootTotals = Mutex(SubtreeTotals())
    @usableFromInline let visitors = Mutex<[Visitor]>([])

    @inlinable
    init(
        filter: Filter, calls: Calls, options: WalkOptions, progress: WalkProgress, rootDescriptor: Int32,
        rootLength: Int
    ) {
        self.filter = filter
        self.calls = calls
        self.options = options
        self.credentials = calls.credentials()
        self.progress = progress
        self.rootDescriptor = rootDescriptor
        self.rootLength = rootLength
    }

    @inlinable var isStopped: Bool { stopped.load(ordering: .relaxed) }

    /// Records a filter error and stops every worker.
    @inlinable func fail(path: [UInt8], error: any Error) {
        failure.withLock { current in
            if let current, !path.lexicographicallyPrecedes(current.path) { return }
            current = Failure(path: path, error: error)
        }
        stopped.store(true, ordering: .relaxed)
        queue.stop()
    }

    @inlinable func finishRoot(_ totals: SubtreeTotals) {
        rootTotals.withLock { $0 = totals }
    }

    @inlinable func collect(_ visitor: Visitor) {
        visitors.withLock { $0.append(visitor) }
    }

    /// The outcome once every worker has ended.
    @inlinable func outcome() -> (failure: Failure?, totals: SubtreeTotals, visitors: [Visitor]) {
        (failure.withLock { $0 }, rootTotals.withLock { $0 }, visitors.withLock { $0 })
    }
}
