#if canImport(Glibc)
    import Glibc
#endif

/// One worker thread: takes directories from the queue and walks each depth-first, handing subdirectories to idle
/// workers. Everything here belongs to its thread; only ``DirectoryNode``s and the ``WalkRun`` are shared.
///
/// Per directory level it keeps only the names it defers (subdirectories; with one thread, every name, to sort them),
/// in one arena that shrinks back when the level is done.
///
/// Inlinable, with the types it uses, so that the module that walks specializes it for its filter and visitor:
/// unspecialized, every entry went through value witnesses and generic metadata lookups (half the walk's
/// instructions). A worker is handed to exactly one thread, hence `@unchecked Sendable` and stored properties
/// without dynamic exclusivity checks, which inlined code would otherwise make on every access.
@usableFromInline
final class WalkWorker<Filter: WalkFilter, Visitor: WalkVisitor, Calls: SystemCalls>: @unchecked Sendable
where Visitor.State == Filter.State {
    @usableFromInline typealias Node = DirectoryNode<Filter.State>

    @inlinable static var readBufferSize: Int { 64 << 10 }

    @usableFromInline let run: WalkRun<Filter, Visitor, Calls>
    @usableFromInline @exclusivity(unchecked) var visitor: Visitor
    @usableFromInline let isSerial: Bool
    @usableFromInline let path = ByteBuffer(capacity: 4096)
    /// Deferred entries: a type byte, a 2-byte name length, the name, a NUL.
    @usableFromInline let arena = ByteBuffer(capacity: 64 << 10)
    /// Offsets of the deferred entries in `arena`, a stack of levels like the arena.
    @usableFromInline @exclusivity(unchecked) var deferred: [Int] = []
    @usableFromInline let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readBufferSize, alignment: 8)
    @usableFromInline @exclusivity(unchecked) var unreportedEntries = 0
    @usableFromInline @exclusivity(unchecked) var unreportedBytes: Int64 = 0
    /// With ``WalkOptions/timesDirectories``: time spent in directories entered below the one being read, so that each
    /// directory reports only its own time.
    @usableFromInline @exclusivity(unchecked) var nestedNanoseconds: UInt64 = 0

    @inlinable
    init(run: WalkRun<Filter, Visitor, Calls>, visitor: Visitor) {
        self.run = run
        self.visitor = visitor
        self.isSerial = run.options.threads == 1
    }

    @inlinable
    deinit { readBuffer.deallocate() }

    /// Walks jobs until the walk is done or stopped.
    @inlinable func work() {
        while let job = run.queue.pop() {
            path.truncate(to: 0)
            path.append(contentsOf: job.path)
            if job.path.isEmpty {
                walkDirectory(run.rootDescriptor, node: job.node)
            } else {
                if let descriptor = openHandedOver(job.path) {
                    walkDirectory(descriptor, node: job.node)
                    run.calls.close(descriptor)
                } else {
                    settle(job.node, totals: SubtreeTotals(), unreadable: true)
                }
            }
            run.queue.jobDone()
        }
    }

    /// Opens a handed-over directory by its path relative to the root, one component at a time, none followed if it is
    /// a symlink. The tree may have changed since the path was read, and `openat(O_NOFOLLOW)` on the whole path refuses
    /// only a final link: an ancestor swapped for a link (to `/`) would take the walk out of the context.
    /// One openat2(2) call does it where the kernel has it (refusing every link on the way); any failure falls back to
    /// the component-wise open, which names the component that failed.
    @inlinable func openHandedOver(_ relativePath: [UInt8]) -> Int32? {
        let whole = (relativePath + [0]).withUnsafeBufferPointer { name in
            run.calls.openDirectoryBeneath(
                run.rootDescriptor, path: UnsafeRawPointer(name.baseAddress!).assumingMemoryBound(to: CChar.self))
        }
        if let whole { return whole }
        var descriptor = run.rootDescriptor
        var start = 0
        while start < relativePath.count {
            let end = relativePath[start...].firstIndex(of: UInt8(ascii: "/")) ?? relativePath.count
            let component = relativePath[start..<end] + [0]
            let result = component.withUnsafeBufferPointer { name in
                let cName = UnsafeRawPointer(name.baseAddress!).assumingMemoryBound(to: CChar.self)
                return Result { () throws(SystemCallError) in
                    try run.calls.openDirectory(
                        at: descriptor, name: cName, path: path.prefix(end))
                }
            }
            if descriptor != run.rootDescriptor { run.calls.close(descriptor) }
            switch result {
            case .success(let next): descriptor = next
            case .failure(let error):
                report(error, directory: true)
                return nil
            }
            start = end + 1
        }
        return descriptor
    }

    /// Reads one open directory, decides and visits its entries, descends into its subdirectories, then settles it.
    /// The path buffer holds the directory's path on entry and on return.
    @inlinable func walkDirectory(_ descriptor: Int32, node: Node) {
        guard run.options.timesDirectories else { return readDirectory(descriptor, node: node) }
        let started = Self.monotonicNanoseconds()
        let outer = nestedNanoseconds
        nestedNanoseconds = 0
        readDirectory(descriptor, node: node)
        let elapsed = Self.monotonicNanoseconds() &- started
        visitor.directoryTimed(
            path: path.bytes, state: node.state, nanoseconds: elapsed &- min(nestedNanoseconds, elapsed))
        nestedNanoseconds = outer &+ elapsed
    }

    /// `clock_gettime(CLOCK_MONOTONIC)` in nanoseconds.
    @inlinable static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// `walkDirectory` without the clock.
    @inlinable func readDirectory(_ descriptor: Int32, node: Node) {
        var totals = SubtreeTotals()
        var readable = true
        let arenaMark = arena.count
        let deferredMark = deferred.count
        reading: while !run.isStopped {
            let count: Int
            do {
                count = try run.calls.readEntries(descriptor, into: readBuffer, path: path.bytes)
            } catch {
                report(error, directory: true)
                readable = false
                break reading
            }
            if count == 0 { break }
            let base = readBuffer.baseAddress!
            var offset = 0
            while offset < count {
                let record = base + offset
                offset += Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                let type = record.load(fromByteOffset: 18, as: UInt8.self)
                let name = (record + 19).assumingMemoryBound(to: UInt8.self)
                if name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0)) {
                    continue
                }
                let nameLength = strlen(name)
                if isSerial || type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) {
                    deferred.append(arena.count)
                    arena.append(type)
                    arena.append(UInt8(truncatingIfNeeded: nameLength))
                    arena.append(UInt8(truncatingIfNeeded: nameLength >> 8))
                    arena.append(name, count: nameLength)
                    arena.append(0)
                } else {
                    handleEntry(
                        name: name, length: nameLength, type: type, in: descriptor, parent: node, totals: &totals)
                }
            }
        }
        let deferredEnd = deferred.count
        if isSerial { sortDeferred(deferredMark..<deferredEnd) }
        var index = deferredMark
        while index < deferredEnd && !run.isStopped {
            let record = arena.base + deferred[index]
            let length = Int(record[1]) | Int(record[2]) << 8
            handleEntry(
                name: record + 3, length: length, type: record[0], in: descriptor, parent: node, totals: &totals)
            index += 1
        }
        arena.truncate(to: arenaMark)
        deferred.removeLast(deferred.count - deferredMark)
        run.progress.add(entries: unreportedEntries, bytes: unreportedBytes)
        unreportedEntries = 0
        unreportedBytes = 0
        if run.isStopped { return }
        settle(node, totals: totals, unreadable: !readable)
    }

    /// Sorts deferred entries by name bytes, as Go's `os.ReadDir` does.
    @inlinable func sortDeferred(_ range: Range<Int>) {
        let base = arena.base
        deferred[range].sort { left, right in
            let leftLength = Int(base[left + 1]) | Int(base[left + 2]) << 8
            let rightLength = Int(base[right + 1]) | Int(base[right + 2]) << 8
            let common = memcmp(base + left + 3, base + right + 3, min(leftLength, rightLength))
            return common != 0 ? common < 0 : leftLength < rightLength
        }
    }

    /// Decides, measures and visits one entry; enters it (or hands it over) if it is a directory to enter.
    @inlinable func handleEntry(
        name: UnsafePointer<UInt8>, length: Int, type: UInt8, in directory: Int32, parent: Node,
        totals: inout SubtreeTotals
    ) {
        let parentLength = path.count
        if parentLength > 0 { path.append(UInt8(ascii: "/")) }
        path.append(name, count: length)
        defer { path.truncate(to: parentLength) }
        let cName = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
        checkRepresentable(name: name, length: length, parentLength: parentLength)

        var kind: EntryKind
        var status: FileStatus?
        switch Int32(type) {
        case Int32(DT_REG): kind = .file
        case Int32(DT_DIR): kind = .directory
        case Int32(DT_LNK): kind = .symlink
        default: kind = .other  // FIFOs, sockets, devices; DT_UNKNOWN is settled by the stat below
        }
        if type == UInt8(DT_UNKNOWN) || (run.options.readsSizes && (kind == .file || kind == .symlink)) {
            do {
                let found = try run.calls.status(at: directory, name: cName, path: path.bytes)
                status = found
                kind = found.kind
            } catch {
                report(error, directory: false)
                return
            }
        }
        let size = kind == .file || kind == .symlink ? status?.size ?? 0 : 0
        let readable = kind == .file ? status.map(run.credentials.canRead) ?? true : true
        // Inside a measured directory the entry takes its state, borrowed rather than copied for every entry.
        if parent.handling == .measured {
            place(
                name: name, length: length, kind: kind, size: size, status: status, readable: readable,
                in: directory, parent: parent, verdict: .skip, disposition: .insideSkipped, state: parent.state,
                totals: &totals)
            return
        }
        let decision: FilterDecision<Filter.State>
        do {
            decision = try run.filter.decide(path: path.bytes, kind: kind, parent: parent.state)
        } catch {
            run.fail(path: Array(path.bytes), error: error)
            return
        }
        let disposition: EntryDisposition =
            switch decision.verdict {
            case .send: .sent
            case .exclude: .excluded
            case .skip: .skipped
            }
        place(
            name: name, length: length, kind: kind, size: size, status: status, readable: readable, in: directory,
            parent: parent, verdict: decision.verdict, disposition: disposition, state: decision.state,
            totals: &totals)
    }

    /// Visits a decided entry (its path in the buffer) and enters it, or hands it over, if it is a directory to enter.
    @inlinable func place(
        name: UnsafePointer<UInt8>, length: Int, kind: EntryKind, size: Int64, status: FileStatus?, readable: Bool,
        in directory: Int32,
        parent: Node, verdict: FilterVerdict, disposition: EntryDisposition, state: borrowing Filter.State,
        totals: inout SubtreeTotals
    ) {
        let depth = parent.depth + 1
        visitor.visit(
            WalkEntry(
                path: path.bytes, nameStart: path.count - length, depth: depth, kind: kind, size: size,
                disposition: disposition, isReadable: readable, directoryDescriptor: directory, status: status),
            state: state)
        unreportedEntries += 1
        unreportedBytes.saturatingAdd(size)

        guard kind == .directory else {
            if kind == .other { visitor.diagnostic(WalkDiagnostic(path: Array(path.bytes), kind: .specialFile)) }
            count(kind: kind, size: size, sent: disposition == .sent, into: &totals)
            return
        }
        if disposition == .skipped && !run.options.measureExcluded {
            visitor.directoryFinished(
                DirectorySummary(
                    path: path.bytes, depth: depth, disposition: disposition, handling: .notEntered,
                    isReadable: true, totals: SubtreeTotals()),
                state: state)
            totals.excludedDirectories += 1
            return
        }
        let child = Node(
            parent: parent, pathLength: path.count, depth: depth, disposition: disposition,
            handling: verdict == .skip ? .measured : .entered, state: copy state)
        parent.addChild()
        if !isSerial && run.queue.hasIdleWorkers && path.count < Int(PATH_MAX) {
            run.queue.push(DirectoryJob(node: child, path: Array(path.bytes)))
            return
        }
        let descriptor: Int32
        do {
            let cName = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
            descriptor = try run.calls.openDirectory(at: directory, name: cName, path: path.bytes)
        } catch {
            report(error, directory: true)
            settle(child, totals: SubtreeTotals(), unreadable: true)
            return
        }
        walkDirectory(descriptor, node: child)
        run.calls.close(descriptor)
    }

    @inlinable func count(kind: EntryKind, size: Int64, sent: Bool, into totals: inout SubtreeTotals) {
        guard sent else {
            totals.excludedFiles += 1
            totals.excludedBytes.saturatingAdd(size)
            return
        }
        switch kind {
        case .file: totals.sentFiles += 1
        case .symlink: totals.sentSymlinks += 1
        case .other: totals.sentOther += 1
        case .directory: totals.sentDirectories += 1
        }
        totals.sentBytes.saturatingAdd(size)
    }

    /// Reports a name that is not UTF-8, and the first entry of a branch whose absolute path reaches PATH_MAX.
    @inlinable func checkRepresentable(name: UnsafePointer<UInt8>, length: Int, parentLength: Int) {
        let buffer = UnsafeBufferPointer(start: name, count: length)
        if Self.hasNonASCIIByte(name, length: length) && String(validating: buffer, as: UTF8.self) == nil {
            visitor.diagnostic(WalkDiagnostic(path: Array(path.bytes), kind: .nonUTF8Name))
        }
        let limit = Int(PATH_MAX)
        if run.rootLength + 1 + path.count >= limit && run.rootLength + 1 + parentLength < limit {
            visitor.diagnostic(WalkDiagnostic(path: Array(path.bytes), kind: .pathTooLong))
        }
    }

    /// Whether a byte of the name is 0x80 or above; eight bytes at a time, since every name is checked.
    @inlinable static func hasNonASCIIByte(_ name: UnsafePointer<UInt8>, length: Int) -> Bool {
        let raw = UnsafeRawPointer(name)
        var offset = 0
        while offset + 8 <= length {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
            offset += 8
        }
        while offset < length {
            if name[offset] >= 0x80 { return true }
            offset += 1
        }
        return false
    }

    /// Marks one part of `node` done; if that completes it, finishes it and every ancestor it completes in turn.
    /// The path buffer must hold the node's path or a descendant's.
    @inlinable func settle(_ node: Node, totals: SubtreeTotals, unreadable: Bool) {
        guard var progress = node.settle(adding: totals, unreadable: unreadable) else { return }
        var node = node
        while let parent = node.parent {
            let summary = DirectorySummary(
                path: path.prefix(node.pathLength), depth: node.depth, disposition: node.disposition,
                handling: node.handling, isReadable: progress.isReadable, totals: progress.totals)
            finish(summary, of: node)
            var contribution = progress.totals
            if summary.isSent { contribution.sentDirectories += 1 } else { contribution.excludedDirectories += 1 }
            if !progress.isReadable { contribution.unreadableDirectories += 1 }
            guard let next = parent.settle(adding: contribution, unreadable: false) else { return }
            node = parent
            progress = next
        }
        run.finishRoot(progress.totals)
    }

    /// Hands a finished directory to the visitor with the node's state, borrowed from the node.
    @inlinable func finish(_ summary: DirectorySummary, of node: Node) {
        visitor.directoryFinished(summary, state: node.state)
    }

    /// Turns a failed system call on the current path into a diagnostic.
    @inlinable func report(_ error: SystemCallError, directory: Bool) {
        let kind: WalkDiagnostic.Kind =
            switch error.errno {
            case ENOENT: .vanished
            case EACCES, EPERM: directory ? .unreadableDirectory : .systemError
            case ELOOP: .symlinkLoop
            case ENOTDIR: .notADirectory
            case ENAMETOOLONG: .pathTooLong
            default: .systemError
            }
        visitor.diagnostic(
            WalkDiagnostic(path: Array(path.bytes), kind: kind, syscall: error.syscall, errno: error.errno))
    }
}
