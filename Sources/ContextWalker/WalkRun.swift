import Synchronization

/// What the workers of one walk share: the inputs, the queue, and the outcome.
final class WalkRun<Filter: WalkFilter, Visitor: WalkVisitor, Calls: SystemCalls>: Sendable
where Visitor.State == Filter.State {
    /// The filter's first failure, by lexically smallest path.
    struct Failure {
        let path: [UInt8]
        let error: any Error
    }

    let filter: Filter
    let calls: Calls
    let options: WalkOptions
    let credentials: Credentials
    let progress: WalkProgress
    let rootDescriptor: Int32
    /// The byte length of the root as given, to tell when an absolute path reaches PATH_MAX.
    let rootLength: Int
    let queue = WorkQueue<DirectoryJob<Filter.State>>()
    private let stopped = Atomic<Bool>(false)
    private let failure = Mutex<Failure?>(nil)
    private let rootTotals = Mutex(SubtreeTotals())
    private let visitors = Mutex<[Visitor]>([])

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

    var isStopped: Bool { stopped.load(ordering: .relaxed) }

    /// Records a filter error and stops every worker.
    func fail(path: [UInt8], error: any Error) {
        failure.withLock { current in
            if let current, !path.lexicographicallyPrecedes(current.path) { return }
            current = Failure(path: path, error: error)
        }
        stopped.store(true, ordering: .relaxed)
        queue.stop()
    }

    func finishRoot(_ totals: SubtreeTotals) {
        rootTotals.withLock { $0 = totals }
    }

    func collect(_ visitor: Visitor) {
        visitors.withLock { $0.append(visitor) }
    }

    /// The outcome once every worker has ended.
    func outcome() -> (failure: Failure?, totals: SubtreeTotals, visitors: [Visitor]) {
        (failure.withLock { $0 }, rootTotals.withLock { $0 }, visitors.withLock { $0 })
    }
}
