import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A directory tree built at test time in a ``TemporaryTree`` (removed at the end, however deep), with raw-byte
/// names, links, FIFOs and nesting beyond PATH_MAX made with raw system calls.
final class TestTree {
    private let scratch: TemporaryTree
    var root: String { scratch.path }

    init() throws { scratch = try TemporaryTree("walker") }

    func directory(_ path: String) { directory(Array(path.utf8)) }

    func directory(_ path: [UInt8]) {
        withAbsolute(path) { precondition(mkdir($0, 0o755) == 0, "mkdir \(String(cString: $0)): errno \(errno)") }
    }

    func file(_ path: String, size: Int, mode: mode_t = 0o644) { file(Array(path.utf8), size: size, mode: mode) }

    func file(_ path: [UInt8], size: Int, mode: mode_t = 0o644) {
        withAbsolute(path) { absolute in
            let descriptor = open(absolute, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            precondition(descriptor >= 0, "open \(String(cString: absolute)): errno \(errno)")
            if size > 0 {
                let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
                precondition(write(descriptor, bytes, size) == size)
            }
            close(descriptor)
            precondition(chmod(absolute, mode) == 0)
        }
    }

    func symlink(_ path: String, to target: String) {
        withAbsolute(Array(path.utf8)) { precondition(Glibc.symlink(target, $0) == 0, "symlink: errno \(errno)") }
    }

    func fifo(_ path: String) {
        withAbsolute(Array(path.utf8)) { precondition(mkfifo($0, 0o644) == 0, "mkfifo: errno \(errno)") }
    }

    /// Creates `levels` nested directories named `name` below `path` with mkdirat, so the chain may exceed PATH_MAX;
    /// puts a file of `size` bytes named "leaf" at the bottom.
    func nestedDirectories(under path: String, levels: Int, name: String, leafSize: Int) {
        var descriptor = withAbsolute(Array(path.utf8)) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        precondition(descriptor >= 0)
        for _ in 0..<levels {
            precondition(mkdirat(descriptor, name, 0o755) == 0, "mkdirat: errno \(errno)")
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            precondition(child >= 0)
            close(descriptor)
            descriptor = child
        }
        let leaf = openat(descriptor, "leaf", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        precondition(leaf >= 0)
        if leafSize > 0 { precondition(write(leaf, [UInt8](repeating: 1, count: leafSize), leafSize) == leafSize) }
        close(leaf)
        close(descriptor)
    }

    private func withAbsolute<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        let bytes = Array(root.utf8) + [UInt8(ascii: "/")] + path + [0]
        return bytes.withUnsafeBufferPointer {
            body(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self))
        }
    }
}
