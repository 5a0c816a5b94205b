import ContextWalker
import Digest

#if canImport(Glibc)
    import Glibc
#endif

/// Hashes what the digest needs of one entry, on the walker thread that met it: a regular file's content (or its
/// digest from the cache, when its stat data are unchanged), a symlink's target, the mode of a directory or special
/// file (which the walk does not stat).
///
/// Files are read relative to the directory the walker has open, with their own name (`openat` with `O_NOFOLLOW |
/// O_NONBLOCK`), so no path is resolved again and a file swapped for a link or a FIFO is neither followed nor
/// waited on. A file is read to at most one byte past the size the walk saw: a file that grew, shrank or changed
/// type during the digest is a ``DigestProblem``, since its digest would describe no state of the tree.
///
/// One value per walker thread: its hasher and buffer are the thread's own (the visitor that holds it is made on
/// its thread and merged only once the walk is over), hence `@unchecked Sendable`.
final class ContentHasher: @unchecked Sendable {
    /// What the digest records of one entry.
    struct Hashed {
        var type: DigestEntryType
        var mode: UInt32
        var size: Int64
        /// A file's SHA-256 or a symlink's target; empty otherwise.
        var payload: [UInt8]
    }

    static let bufferSize = 256 << 10

    let cache: DigestCache
    /// The files read or found unchanged, for the next digest's cache.
    private(set) var seen: [DigestCache.Entry] = []
    /// Bytes read and hashed, and files whose digest came from the cache.
    private(set) var hashedBytes: Int64 = 0
    private(set) var hashedFiles = 0
    private(set) var cacheHits = 0
    private var hasher = MessageDigest(.sha256)
    private var buffer: UnsafeMutableRawBufferPointer

    init(cache: DigestCache) {
        self.cache = cache
        buffer = .allocate(byteCount: Self.bufferSize, alignment: 64)
    }

    deinit { buffer.deallocate() }

    /// What the digest records of `entry`, or why it cannot.
    func hash(_ entry: WalkEntry) -> Result<Hashed, DigestProblem> {
        switch entry.kind {
        case .file:
            guard let status = entry.status else { return statusThenHash(entry) }
            return hashFile(entry, status: status)
        case .symlink:
            return linkTarget(entry).map { target in
                Hashed(type: .symlink, mode: entry.status?.mode ?? 0o777, size: 0, payload: target)
            }
        case .directory, .other:
            return status(of: entry).flatMap { status in
                guard let type = DigestEntryType(mode: status.mode), type != .file, type != .symlink else {
                    return .failure(.changed(entry.pathString))
                }
                return .success(Hashed(type: type, mode: status.mode, size: 0, payload: []))
            }
        }
    }

    func merge(_ other: ContentHasher) {
        seen += other.seen
        hashedBytes += other.hashedBytes
        hashedFiles += other.hashedFiles
        cacheHits += other.cacheHits
    }

    private func statusThenHash(_ entry: WalkEntry) -> Result<Hashed, DigestProblem> {
        status(of: entry).flatMap { hashFile(entry, status: $0) }
    }

    private func hashFile(_ entry: WalkEntry, status: FileStatus) -> Result<Hashed, DigestProblem> {
        if let known = cache.lookup(status) {
            if cache.path != nil { seen.append(known) }
            cacheHits += 1
            return .success(
                Hashed(
                    type: .file, mode: status.mode, size: status.size, payload: known.withDigest { Array($0) }))
        }
        let descriptor = entry.withCName { openat(entry.directoryDescriptor, $0, Self.openFlags) }
        guard descriptor >= 0 else { return .failure(.unreadable(entry.pathString, errno: errno, call: "openat")) }
        defer { close(descriptor) }
        // Asking for one byte more than the walk saw tells a file that grew without another read.
        var total: Int64 = 0
        while true {
            let wanted = Int(min(Int64(buffer.count), max(0, status.size - total) + 1))
            let count = read(descriptor, buffer.baseAddress, wanted)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(entry.pathString, errno: errno, call: "read"))
            }
            if count == 0 { break }
            total += Int64(count)
            if total > status.size { return .failure(.changed(entry.pathString)) }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            if count < wanted { break }
        }
        let digest = hasher.finish()
        guard total == status.size else { return .failure(.changed(entry.pathString)) }
        hashedBytes += total
        hashedFiles += 1
        if cache.path != nil { digest.withUnsafeBufferPointer { seen.append(DigestCache.Entry(status, digest: $0)) } }
        return .success(Hashed(type: .file, mode: status.mode, size: status.size, payload: digest))
    }

    private func linkTarget(_ entry: WalkEntry) -> Result<[UInt8], DigestProblem> {
        guard let target = entry.linkTargetBytes() else {
            return .failure(.unreadable(entry.pathString, errno: errno, call: "readlinkat"))
        }
        return .success(target)
    }

    private func status(of entry: WalkEntry) -> Result<FileStatus, DigestProblem> {
        var info = stat()
        let result = entry.withCName { fstatat(entry.directoryDescriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }
        guard result == 0 else { return .failure(.unreadable(entry.pathString, errno: errno, call: "fstatat")) }
        return .success(FileStatus(info))
    }

    private static let openFlags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY
}
