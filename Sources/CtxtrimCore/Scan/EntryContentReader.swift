import ContextWalker
import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// Reads what the checks need about an entry of the walk (link text, small file contents), once per entry however
/// many builds contain it.
///
/// Entries are read relative to the directory the walker has open (`openat`/`readlinkat` with the entry's own name),
/// so any name and any depth is read exactly, with no path resolved again. The tree may change under the walk: a
/// file swapped for a FIFO or a link is not followed and cannot block (`O_NOFOLLOW | O_NONBLOCK`, then `fstat` must
/// say regular file).
struct EntryContentReader {
    /// The most bytes of a file the content checks read.
    static let limit = 1 << 20
    private var buffer: [UInt8] = []

    init() {}

    /// The text of the symlink `entry` (raw bytes kept, ``LosslessUTF8``); nil when it cannot be read.
    func linkTarget(_ entry: WalkEntry) -> String? {
        entry.linkTargetBytes().map { LosslessUTF8.decode($0) }
    }

    /// The bytes of the regular file `entry` when it holds at most ``limit`` bytes; nil when it cannot be read, is
    /// larger, or is no longer a regular file.
    mutating func smallFile(_ entry: WalkEntry) -> [UInt8]? {
        let descriptor = entry.withCName { name in
            openat(entry.directoryDescriptor, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= Self.limit else {
            return nil
        }
        let limit = Self.limit
        if buffer.count < limit + 1 { buffer = [UInt8](repeating: 0, count: limit + 1) }
        var total = 0
        while total <= limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, limit + 1 - total) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            total += count
        }
        guard total <= limit else { return nil }
        return Array(buffer[..<total])
    }
}
