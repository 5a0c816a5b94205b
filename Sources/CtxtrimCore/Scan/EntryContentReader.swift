#if canImport(Glibc)
    import Glibc
#endif

/// Reads what the checks need about an entry of the shared walk (link text, small file contents), once per entry
/// however many builds contain it.
struct EntryContentReader {
    /// The absolute walk root.
    let root: String
    private var buffer: [UInt8] = []

    init(root: String) {
        self.root = root
    }

    /// The text of the symlink at `path` (relative to the walk root); nil when it cannot be read.
    func linkTarget(_ path: String) -> String? {
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(root + "/" + path, &target, target.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: target[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The bytes of a file of at most 1 MiB (the content checks' limit); nil when it cannot be read or is larger.
    mutating func smallFile(_ path: String) -> [UInt8]? {
        let descriptor = open(root + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let limit = 1 << 20
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
