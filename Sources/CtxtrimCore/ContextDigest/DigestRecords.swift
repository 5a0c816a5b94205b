#if canImport(Glibc)
    import Glibc
#endif

/// The entries of one context that a build transfers, as one walker thread met them, packed for the digest: one
/// byte arena for paths and payloads and one small item per entry, so a million entries cost about a hundred bytes
/// each and no allocation of their own.
struct DigestRecords: Sendable {
    struct Item: Sendable {
        /// Where the path starts in ``DigestRecords/bytes``; the payload follows it.
        var offset: Int
        var pathLength: Int32
        var payloadLength: Int32
        /// `st_mode`'s permission bits.
        var mode: UInt32
        var type: DigestEntryType
        /// A regular file's size; 0 otherwise.
        var size: Int64
    }

    private(set) var bytes: [UInt8] = []
    private(set) var items: [Item] = []

    var count: Int { items.count }

    /// Records an entry: `payload` is a file's SHA-256, a symlink's target, empty for the other types.
    mutating func append(
        path: UnsafeBufferPointer<UInt8>, type: DigestEntryType, mode: UInt32, size: Int64,
        payload: UnsafeBufferPointer<UInt8>
    ) {
        items.append(
            Item(
                offset: bytes.count, pathLength: Int32(path.count), payloadLength: Int32(payload.count),
                mode: mode & 0o7777, type: type, size: size))
        bytes.append(contentsOf: path)
        bytes.append(contentsOf: payload)
    }

    mutating func merge(_ other: DigestRecords) {
        let shift = bytes.count
        bytes.append(contentsOf: other.bytes)
        items.reserveCapacity(items.count + other.items.count)
        for var item in other.items {
            item.offset += shift
            items.append(item)
        }
    }

    /// The items in bytewise path order, the order the digest hashes them in.
    func sortedByPath() -> [Item] {
        bytes.withUnsafeBufferPointer { arena in
            items.sorted { left, right in
                let common = min(left.pathLength, right.pathLength)
                let order = memcmp(arena.baseAddress! + left.offset, arena.baseAddress! + right.offset, Int(common))
                return order != 0 ? order < 0 : left.pathLength < right.pathLength
            }
        }
    }
}
