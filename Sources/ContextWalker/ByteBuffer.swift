#if canImport(Glibc)
    import Glibc
#endif

/// A growable byte buffer owned by one worker thread: the current path, or the names of entries a directory defers.
///
/// Its storage may move when it grows: keep offsets, not pointers, across appends.
@usableFromInline
final class ByteBuffer {
    @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<UInt8>
    @usableFromInline @exclusivity(unchecked) var count = 0
    @usableFromInline @exclusivity(unchecked) var capacity: Int

    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The bytes in use; valid until the next append.
    @inlinable var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The first `length` bytes; valid until the next append.
    @inlinable func prefix(_ length: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: length)
    }

    @inlinable func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inlinable func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (base + count).update(from: source, count: length)
        count += length
    }

    @inlinable func append(contentsOf source: [UInt8]) {
        source.withUnsafeBufferPointer { if let start = $0.baseAddress { append(start, count: $0.count) } }
    }

    @inlinable func truncate(to length: Int) { count = length }

    @inlinable func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(toFit: extra)
    }

    @usableFromInline func grow(toFit extra: Int) {
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
