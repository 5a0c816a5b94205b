#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file atomically: a temporary file beside it, fsync, the same mode, rename over the original, and an
/// fsync of the directory. A reader sees either the old or the new content, never a mix; a crash loses nothing.
package enum AtomicFile {
    /// Why a write failed, with the system call and errno text.
    package struct WriteError: Error, CustomStringConvertible, Sendable {
        package let path: String
        package let call: String
        package let reason: String
        package var description: String { "cannot write \(path): \(call) failed: \(reason); nothing was changed" }
    }

    /// Reads a whole file, or nil when it does not exist.
    package static func read(_ path: String) throws(WriteError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw WriteError(path: path, call: "open", reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, call: "read", reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically, keeping the existing file's mode (0644 for a new file).
    package static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        var mode: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { mode = info.st_mode & 0o7777 }

        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let templatePath = (directory.isEmpty ? "" : directory) + "/.\(name).ctxtrim-XXXXXX"
        var template = Array(templatePath.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw WriteError(path: path, call: "mkstemp", reason: String(cString: strerror(errno)))
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes {
                    Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, call: "write", reason: String(cString: strerror(errno)))
                }
                offset += written
            }
            guard fchmod(descriptor, mode) == 0 else {
                throw WriteError(path: path, call: "fchmod", reason: String(cString: strerror(errno)))
            }
            guard fsync(descriptor) == 0 else {
                throw WriteError(path: path, call: "fsync", reason: String(cString: strerror(errno)))
            }
        }
        guard rename(temporary, path) == 0 else {
            throw WriteError(path: path, call: "rename", reason: String(cString: strerror(errno)))
        }
        committed = true
        let directoryDescriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
