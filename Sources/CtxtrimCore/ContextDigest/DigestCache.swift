import ContextWalker
import Digest
import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// The content digests of files an earlier `ctxtrim digest` of the same tree hashed, keyed as git's index keys its
/// stat data: device, inode, size, modification and change time. A file whose key is unchanged is not read again.
///
/// The cache lives in the user's cache directory, not in the scanned tree. A file that cannot be read, is too large
/// or is malformed is an empty cache (never an error), and a file whose times are too close to the digest that
/// would store it is not stored ("racily clean", as git says): it could change again within the same tick of the
/// file system's clock.
package final class DigestCache: Sendable {
    /// One file's key and content digest.
    struct Entry: Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64
        var digest: (UInt64, UInt64, UInt64, UInt64)

        init(_ status: FileStatus, digest: UnsafeBufferPointer<UInt8>) {
            device = status.device
            inode = status.inode
            size = status.size
            modified = status.modified
            changed = status.changed
            let raw = UnsafeRawBufferPointer(digest)
            self.digest = (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            )
        }

        init(fields: UnsafeRawBufferPointer) {
            device = fields.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian
            inode = fields.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
            size = fields.loadUnaligned(fromByteOffset: 16, as: Int64.self).littleEndian
            modified = fields.loadUnaligned(fromByteOffset: 24, as: Int64.self).littleEndian
            changed = fields.loadUnaligned(fromByteOffset: 32, as: Int64.self).littleEndian
            digest = (
                fields.loadUnaligned(fromByteOffset: 40, as: UInt64.self),
                fields.loadUnaligned(fromByteOffset: 48, as: UInt64.self),
                fields.loadUnaligned(fromByteOffset: 56, as: UInt64.self),
                fields.loadUnaligned(fromByteOffset: 64, as: UInt64.self)
            )
        }

        /// Whether `status` is the same file with the same stat data.
        func matches(_ status: FileStatus) -> Bool {
            device == status.device && inode == status.inode && size == status.size && modified == status.modified
                && changed == status.changed
        }

        func isOrdered(before other: Entry) -> Bool {
            device != other.device ? device < other.device : inode < other.inode
        }

        /// The 32 digest bytes.
        func withDigest<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            withUnsafeBytes(of: digest) { body($0.bindMemory(to: UInt8.self)) }
        }

        func appendEncoded(to output: inout [UInt8]) {
            for field in [
                device, inode, UInt64(bitPattern: size), UInt64(bitPattern: modified), UInt64(bitPattern: changed),
            ] {
                withUnsafeBytes(of: field.littleEndian) { output.append(contentsOf: $0) }
            }
            withUnsafeBytes(of: digest) { output.append(contentsOf: $0) }
        }
    }

    static let magic = Array("ctxtrim digest cache v1\n".utf8)
    static let entryLength = 72
    /// A larger file is not read: ten million files.
    static let maximumEntries = 10_000_000
    /// Files changed less than this long before a digest began are not stored (coarse file-system clocks).
    static let racyWindowNanoseconds: Int64 = 2_000_000_000

    /// The cache file, or nil for a cache that is not kept (`--no-cache`).
    package let path: String?
    /// Sorted by device and inode.
    let entries: [Entry]

    init(path: String?, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Now, in nanoseconds since the epoch: when a digest begins, for ``save(_:startedAt:)``.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// No cache: every file is read.
    package static let none = DigestCache(path: nil, entries: [])

    /// The cache of the tree at `root` in `directory` (`~/.cache/ctxtrim` and the like); empty when there is none
    /// yet or it cannot be used.
    package static func load(directory: String, root: String) -> DigestCache {
        let name = "digest-" + String(DigestEncoding.label(Digest.sha256(Array(root.utf8))).dropFirst(7).prefix(24))
        let path = BuildContext.joined(directory, name)
        return DigestCache(path: path, entries: entries(in: path) ?? [])
    }

    private static func entries(in path: String) -> [Entry]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let length = Int(info.st_size)
        guard length >= magic.count, (length - magic.count) % entryLength == 0,
            (length - magic.count) / entryLength <= maximumEntries
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        var total = 0
        while total < length {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + total, length - total) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            total += count
        }
        guard Array(bytes[..<magic.count]) == magic else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity((length - magic.count) / entryLength)
        bytes.withUnsafeBytes { raw in
            var offset = magic.count
            while offset < length {
                entries.append(Entry(fields: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + entryLength)])))
                offset += entryLength
            }
        }
        // Out of order is not ours: start again rather than trust a lookup in it.
        for index in entries.indices.dropFirst() where !entries[index - 1].isOrdered(before: entries[index]) {
            return nil
        }
        return entries
    }

    /// The content digest stored for the file `status` describes, when its stat data are unchanged.
    func lookup(_ status: FileStatus) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if entry.device < status.device || (entry.device == status.device && entry.inode < status.inode) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < entries.count, entries[low].matches(status) else { return nil }
        return entries[low]
    }

    /// Replaces the cache with `entries` (what this digest read or found unchanged), leaving out the files changed
    /// within ``racyWindowNanoseconds`` of `startedAt` (nanoseconds since the epoch). Written to a temporary file
    /// and renamed, so a reader sees the old cache or the new one.
    ///
    /// - Throws: `AtomicFile.WriteError` when the directory cannot be made or the file written.
    func save(_ fresh: [Entry], startedAt: Int64) throws(AtomicFile.WriteError) {
        guard let path else { return }
        let limit = startedAt - Self.racyWindowNanoseconds
        var kept = fresh.filter { $0.modified < limit && $0.changed < limit }
        kept.sort { $0.isOrdered(before: $1) }
        var unique: [Entry] = []
        unique.reserveCapacity(kept.count)
        for entry in kept where unique.last.map({ $0.device != entry.device || $0.inode != entry.inode }) ?? true {
            unique.append(entry)
        }
        var output = Self.magic
        output.reserveCapacity(Self.magic.count + unique.count * Self.entryLength)
        for entry in unique { entry.appendEncoded(to: &output) }
        if let slash = path.lastIndex(of: "/") { try Self.makeDirectories(String(path[..<slash])) }
        try AtomicFile.write(output, to: path)
    }

    /// `mkdir -p`, private to the user (0700) as a cache directory should be.
    private static func makeDirectories(_ directory: String) throws(AtomicFile.WriteError) {
        var made = ""
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            made += "/" + component
            if mkdir(made, 0o700) != 0 && errno != EEXIST {
                throw AtomicFile.WriteError(
                    path: made, call: "mkdir", reason: "cannot make the cache directory", errno: errno)
            }
        }
    }
}
