import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An open directory in which a test builds large and odd trees with raw system calls: many files fast, FIFOs,
/// sockets, device nodes, sparse files, links. Every call is relative to the descriptor, so names can be anything.
final class RawDirectory {
    /// A failed system call while building a tree.
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let name: String
        let code: Int32
        var description: String { "\(call) \(name): \(String(cString: strerror(code)))" }
    }

    let descriptor: Int32
    let path: String

    /// Opens `path`, creating it (and its parents) first.
    init(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(call: "open", name: path, code: errno) }
        self.path = path
    }

    deinit { close(descriptor) }

    /// Creates the subdirectory `name` (mkdirat) and opens it.
    func directory(_ name: String) throws -> RawDirectory {
        guard mkdirat(descriptor, name, 0o755) == 0 || errno == EEXIST else {
            throw Failure(call: "mkdirat", name: name, code: errno)
        }
        return try RawDirectory(path + "/" + name)
    }

    /// Creates `count` regular files named `prefix` + a six-digit index; file `i` holds `sizes[i % sizes.count]`
    /// bytes. Returns their total size.
    ///
    /// Each file is a hard link (linkat) to one of a few seed files kept in `seeds` (outside the scanned tree), which
    /// costs a directory entry and no inode: 200,000 files take seconds, not minutes. A seed is replaced when it
    /// reaches the file system's link limit; where links are refused altogether, files are created with openat.
    @discardableResult
    func files(count: Int, prefix: String, sizes: [Int], seeds: RawDirectory) throws -> Int64 {
        var seedNames: [String?] = Array(repeating: nil, count: sizes.count)
        var seedCount = 0
        var linking = true
        var total: Int64 = 0
        for index in 0..<count {
            let slot = index % sizes.count
            let name = prefix + String(format: "%06d", index)
            total += Int64(sizes[slot])
            if linking {
                if seedNames[slot] == nil {
                    let seed = "seed-\(prefix.filter(\.isLetter))-\(seedCount)"
                    seedCount += 1
                    try seeds.file(seed, size: sizes[slot])
                    seedNames[slot] = seed
                }
                if linkat(seeds.descriptor, seedNames[slot]!, descriptor, name, 0) == 0 { continue }
                switch errno {
                case EMLINK:
                    seedNames[slot] = nil
                    let seed = "seed-\(prefix.filter(\.isLetter))-\(seedCount)"
                    seedCount += 1
                    try seeds.file(seed, size: sizes[slot])
                    seedNames[slot] = seed
                    guard linkat(seeds.descriptor, seed, descriptor, name, 0) == 0 else {
                        throw Failure(call: "linkat", name: name, code: errno)
                    }
                    continue
                case EPERM, EXDEV, ENOTSUP:
                    linking = false
                default:
                    throw Failure(call: "linkat", name: name, code: errno)
                }
            }
            try file(name, size: sizes[slot])
        }
        return total
    }

    /// Creates the regular file `name` holding `size` bytes of `x`.
    func file(_ name: String, size: Int) throws {
        try file(name, contents: [UInt8](repeating: UInt8(ascii: "x"), count: size))
    }

    /// Creates the regular file `name` holding `contents`.
    func file(_ name: String, contents: [UInt8]) throws {
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Failure(call: "openat", name: name, code: errno) }
        defer { close(file) }
        guard write(file, contents, contents.count) == contents.count else {
            throw Failure(call: "write", name: name, code: errno)
        }
    }

    /// Creates `name` as a sparse file of `size` bytes (ftruncate): it takes no disk space.
    func sparseFile(_ name: String, size: Int64) throws {
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Failure(call: "openat", name: name, code: errno) }
        defer { close(file) }
        guard ftruncate(file, off_t(size)) == 0 else { throw Failure(call: "ftruncate", name: name, code: errno) }
    }

    func symlink(_ name: String, to target: String) throws {
        guard symlinkat(target, descriptor, name) == 0 else {
            throw Failure(call: "symlinkat", name: name, code: errno)
        }
    }

    func fifo(_ name: String) throws {
        guard mkfifoat(descriptor, name, 0o644) == 0 else { throw Failure(call: "mkfifoat", name: name, code: errno) }
    }

    /// Binds an AF_UNIX socket at `name` and closes it, which leaves the socket file behind.
    ///
    /// The address is `/proc/self/fd/N/name`, so a long temporary directory cannot exceed `sun_path`'s 108 bytes.
    func socket(_ name: String) throws {
        let socketDescriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure(call: "socket", name: name, code: errno) }
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array("/proc/self/fd/\(descriptor)/\(name)".utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw Failure(call: "bind", name: name, code: ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw Failure(call: "bind", name: name, code: errno) }
    }

    /// Creates a device node (mknodat); returns errno when that is refused (mknod needs CAP_MKNOD), 0 on success.
    func device(_ name: String, block: Bool, major: UInt32, minor: UInt32) -> Int32 {
        let type = block ? S_IFBLK : S_IFCHR
        // makedev(3) is a macro: the glibc encoding of major and minor.
        let major = UInt64(major)
        let minor = UInt64(minor)
        let number = (major & 0xFFF) << 8 | (major & ~0xFFF) << 32 | (minor & 0xFF) | (minor & ~0xFF) << 12
        return mknodat(descriptor, name, type | 0o644, dev_t(number)) == 0 ? 0 : errno
    }
}
