import UntrustedText

/// Walks a build context in parallel over POSIX calls, asking a ``WalkFilter`` about each entry and telling a
/// ``WalkVisitor`` what it finds.
///
/// The walk never follows symlinks (the root itself excepted), never writes, and keeps no record per file: memory grows
/// with the directories in progress, not with the files. Subdirectories are opened relative to their parent's
/// descriptor, so depth is no limit. Regular files and symlinks are stat'ed (`fstatat`, no follow) for their size;
/// directories and special files are known from `d_type` alone.
@usableFromInline package struct ContextWalker<Calls: SystemCalls>: Sendable {
    /// The context root, as given (a symlink to a directory is followed).
    @usableFromInline package let root: String
    @usableFromInline package let options: WalkOptions
    @usableFromInline package let calls: Calls
    /// Counts that another thread may read while the walk runs.
    @usableFromInline package let progress: WalkProgress

    package init(
        root: String, options: WalkOptions = WalkOptions(), calls: Calls, progress: WalkProgress = WalkProgress()
    ) {
        self.root = root
        self.options = options
        self.calls = calls
        self.progress = progress
    }

    /// Walks the tree below the root (the root itself is neither decided nor visited).
    ///
    /// - Parameter makeVisitor: called once per worker thread, before the threads start; the visitors are merged into
    ///   the result.
    /// - Throws: ``WalkError`` if the root cannot be opened (``WalkError/Code/rootUnreadable``), a worker thread cannot
    ///   start, or the filter throws (``WalkError/Code/filterFailed``, with the error for the lexically smallest path
    ///   among those that failed before every worker stopped).
    ///
    /// Inlinable so that callers specialize the whole walk for their filter and visitor (see ``WalkWorker``).
    @inlinable
    package func walk<Filter: WalkFilter, Visitor: WalkVisitor>(
        filter: Filter, makeVisitor: @escaping @Sendable () -> Visitor
    ) throws(WalkError) -> WalkResult<Visitor> where Visitor.State == Filter.State {
        WalkCounter.recordWalk(root: root)
        let rootDescriptor: Int32
        do {
            rootDescriptor = try calls.openRoot(root)
        } catch {
            throw WalkError(
                code: .rootUnreadable, message: "cannot open the build context '\(root)' as a directory",
                fix: "check that it exists and is readable", path: root, underlying: error)
        }
        defer { calls.close(rootDescriptor) }

        let run = WalkRun<Filter, Visitor, Calls>(
            filter: filter, calls: calls, options: options, progress: progress, rootDescriptor: rootDescriptor,
            rootLength: root.utf8.count)
        let rootNode = DirectoryNode(
            parent: nil, pathLength: 0, depth: 0, disposition: .sent, handling: .entered, state: filter.rootState)
        run.queue.push(DirectoryJob(node: rootNode, path: []))

        var threads: [WorkerThread] = []
        for _ in 0..<options.threads {
            // Made here rather than on the thread: a thread body that captures `makeVisitor` is not specialized.
            let worker = WalkWorker(run: run, visitor: makeVisitor())
            let thread = WorkerThread {
                worker.work()
                run.collect(worker.visitor)
            }
            guard let thread else {
                run.queue.stop()
                threads.forEach { $0.join() }
                throw WalkError(
                    code: .threadStartFailed, message: "cannot start a walker thread",
                    fix: "retry with fewer threads (-j)", path: root, underlying: nil)
            }
            threads.append(thread)
        }
        threads.forEach { $0.join() }

        let outcome = run.outcome()
        if let failure = outcome.failure { throw WalkError.filterFailed(path: failure.path, underlying: failure.error) }
        var visitors = outcome.visitors
        var merged = visitors.removeLast()
        for other in visitors { merged.merge(other) }
        return WalkResult(visitor: merged, totals: outcome.totals)
    }
}

extension ContextWalker where Calls == POSIXSystemCalls {
    /// A walker over the real system calls.
    package init(root: String, options: WalkOptions = WalkOptions(), progress: WalkProgress = WalkProgress()) {
        self.init(root: root, options: options, calls: POSIXSystemCalls(), progress: progress)
    }
}
