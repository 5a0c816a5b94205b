import ContextWalker

#if canImport(Glibc)
    import Glibc
#endif

extension WalkEntry {
    /// Calls `body` with the entry's name as a NUL-terminated C string, for `openat`, `readlinkat` and `fstatat`
    /// relative to ``directoryDescriptor``.
    func withCName<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { buffer in
            for (index, byte) in name.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[name.count] = 0
            return body(buffer.baseAddress!)
        }
    }

    /// The raw bytes of the symlink's target (`readlinkat` relative to the open directory); nil with `errno` set
    /// when it cannot be read.
    func linkTargetBytes() -> [UInt8]? {
        var target = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = withCName { name in
            target.withUnsafeMutableBytes {
                readlinkat(directoryDescriptor, name, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
            }
        }
        guard count >= 0 else { return nil }
        return Array(target[..<count])
    }
}
