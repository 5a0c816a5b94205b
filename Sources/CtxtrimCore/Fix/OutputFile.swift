#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to a path the user named (`check --output`, `$GITHUB_STEP_SUMMARY`), respecting what is there.
///
/// The path is trusted to point anywhere, so a symlink is followed to its final target and the link itself is kept.
/// At the target: a regular file (or none) is replaced atomically with `AtomicFile` (appended to, for `.append`); a
/// character device or a FIFO is opened for writing, never created, truncated or replaced; `/dev/stdout`,
/// `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` write to that descriptor as it is; a directory, block device or
/// socket is refused.
package enum OutputFile {
    package enum Mode: Sendable {
        /// The file's whole content becomes `bytes`.
        case replace
        /// `bytes` go after what is there (a new file is created).
        case append
    }

    /// Writes `bytes` to `path`. A FIFO without a reader fails at once rather than blocking.
    package static func write(_ bytes: [UInt8], to path: String, mode: Mode = .replace) throws(AtomicFile.WriteError) {
        let target = try finalTarget(of: path)
        if let descriptor = standardDescriptor(target) {
            guard fcntl(descriptor, F_GETFD) >= 0 else { throw AtomicFile.WriteError.failed("fcntl", path) }
            try WritePath.writeAll(bytes, to: descriptor, path: path)
            return
        }
        if target.hasPrefix("/proc/") || target.hasPrefix("/dev/fd/") {
            // A magic link of another process or thread: open what it designates, never create.
            try writeOpening(target, flags: O_WRONLY | O_APPEND | O_NOCTTY, bytes: bytes, shownAs: path)
            return
        }
        var info = stat()
        guard lstat(target, &info) == 0 else {
            guard errno == ENOENT else { throw AtomicFile.WriteError.failed("lstat", target) }
            switch mode {
            case .replace: try AtomicFile.write(bytes, to: target)
            case .append:
                try writeOpening(
                    target, flags: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, bytes: bytes, shownAs: target)
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            switch mode {
            case .replace: try AtomicFile.write(bytes, to: target)
            case .append:
                try writeOpening(target, flags: O_WRONLY | O_APPEND | O_NOFOLLOW, bytes: bytes, shownAs: target)
            }
        case S_IFCHR:
            try writeOpening(target, flags: O_WRONLY | O_NOCTTY, bytes: bytes, shownAs: target)
        case S_IFIFO:
            try writeFIFO(target, bytes: bytes)
        case S_IFDIR:
            throw AtomicFile.WriteError(
                code: .isDirectory, path: target, message: "it is a directory", fix: "name a file in it instead")
        default:
            throw AtomicFile.WriteError(
                code: .notRegularFile, path: target,
                message: "it is \(WritePath.kindName(info.st_mode))",
                fix: "name a regular file, a character device or a FIFO")
        }
    }

    /// The descriptor `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names, else nil.
    static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Follows a chain of symlinks at `path` (each one relative to its own directory) to the first path that is not a
    /// symlink or does not exist, stopping at `/proc` and `/dev/fd` magic links.
    static func finalTarget(of path: String) throws(AtomicFile.WriteError) -> String {
        var current = path
        for _ in 0..<40 {
            if standardDescriptor(current) != nil || current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") {
                return current
            }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return current }
                throw AtomicFile.WriteError.failed("lstat", current)
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let text = WritePath.linkText(current) else {
                throw AtomicFile.WriteError.failed("readlink", current)
            }
            current = WritePath.joinedTarget(text, ofLink: current)
        }
        errno = ELOOP
        throw AtomicFile.WriteError.failed("readlink", path)
    }

    /// Opens `path` with `flags` (never truncating) and writes `bytes`.
    private static func writeOpening(
        _ path: String, flags: Int32, bytes: [UInt8], shownAs shown: String
    ) throws(AtomicFile.WriteError) {
        let descriptor = open(path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.WriteError.failed("open", shown) }
        defer { close(descriptor) }
        try WritePath.writeAll(bytes, to: descriptor, path: shown)
    }

    /// Opens a FIFO without blocking (ENXIO: nobody reads it yet), then writes with blocking writes.
    private static func writeFIFO(_ path: String, bytes: [UInt8]) throws(AtomicFile.WriteError) {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENXIO {
                throw AtomicFile.WriteError(
                    code: .noReader, path: path,
                    message: "it is a FIFO that nothing reads yet", fix: "start its reader first", call: "open",
                    errno: ENXIO)
            }
            throw AtomicFile.WriteError.failed("open", path)
        }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) >= 0 else {
            throw AtomicFile.WriteError.failed("fcntl", path)
        }
        try WritePath.writeAll(bytes, to: descriptor, path: path)
    }
}
