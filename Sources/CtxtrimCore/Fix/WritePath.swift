#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small helpers of the write side: naming a file's kind, writing a whole buffer.
enum WritePath {
    /// "a directory", "a FIFO", ... for `st_mode`.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symlink"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying after EINTR and waiting on EAGAIN (a non-blocking pipe).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(AtomicFile.WriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&waiting, 1, -1)
                    continue
                }
                throw AtomicFile.WriteError.failed("write", path)
            }
            offset += written
        }
    }

    /// The directory part of `path` ("." when there is none, "/" at the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// `realpath(3)`, or nil with errno set.
    static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The text of the symlink at `path`, or nil with errno set.
    static func linkText(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { readlink(path, $0.baseAddress!, $0.count - 1) }
        }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Where `link`'s text `target` leads: as is when absolute, else beside the link.
    static func joinedTarget(_ target: String, ofLink link: String) -> String {
        if target.hasPrefix("/") { return target }
        let directory = directory(of: link)
        return (directory == "/" ? "/" : directory + "/") + target
    }

    /// Whether `path` lies in `root` (both resolved), or is `root`.
    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
