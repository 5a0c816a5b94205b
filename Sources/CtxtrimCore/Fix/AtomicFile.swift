import CTempFile
import CtxtrimErrors
import UntrustedText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a regular file atomically: an unnamed temporary file (`O_TMPFILE`) in the same directory, fsync, the same
/// mode (and owner, as root), a name `.<name>.ctxtrim-tmp-XXXXXX` given with `linkat` just before the `rename` over
/// the original, and an fsync of the directory. A reader sees the old or the new content, never a mix; a crash loses
/// nothing. Where the file system has no `O_TMPFILE`, `mkstemp` names the file from the start. SIGINT, SIGTERM and
/// SIGHUP during the write unlink the named temporary file (see `CTempFile.h`); only `kill -9` can leave one, and
/// `ctxtrim scan` reports it (`ctxtrim-temp-file`).
///
/// `write` replaces only a regular file (or creates one): a symlink, device, FIFO or directory at `path` is an error.
/// Where the path came from decides how links are followed first: `OutputFile` for paths the user named,
/// `IgnoreFileTarget` for the ignore file inside an untrusted context.
package enum AtomicFile {
    /// Why a write failed or was refused: a stable code, the path, what to do, and the system call with its errno.
    /// Nothing was changed.
    package struct WriteError: CtxtrimError, Sendable, Equatable {
        package enum Code: String, ErrorCode {
            /// A system call failed.
            case systemCall = "write.system-call"
            /// The path is a directory.
            case isDirectory = "write.directory"
            /// The path is a device, FIFO or socket where only a regular file may be replaced.
            case notRegularFile = "write.not-regular-file"
            /// The ignore file is a symlink that leaves the context or points to nothing.
            case linkLeavesContext = "write.link-leaves-context"
            /// The file has no write permission for its owner and `--force` was not given.
            case readOnly = "write.read-only"
            /// A FIFO has no reader.
            case noReader = "write.fifo-without-reader"

            /// A refusal is about what the path holds, like any bad input; a failed write is an output error.
            package var kind: ErrorKind { self == .systemCall ? .output : .input }
        }

        package let code: Code
        package let path: String
        /// The failing system call, "" for a refusal.
        package let call: String
        /// The errno text (`strerror`), "" for a refusal.
        package let reason: String
        package let errno: Int32
        /// Why the path was refused (nil for a failed system call).
        package let refusal: String?
        package let fix: String?

        package init(path: String, call: String, reason: String, errno: Int32 = 0) {
            self.code = .systemCall
            self.path = path
            self.call = call
            self.reason = reason
            self.errno = errno
            self.refusal = nil
            self.fix = "check the free space and permissions where it is written, then run again"
        }

        package init(
            code: Code, path: String, message: String, fix: String? = nil, call: String = "", errno: Int32 = 0
        ) {
            self.code = code
            self.path = path
            self.call = call
            self.reason = errno == 0 ? "" : String(cString: strerror(errno))
            self.errno = errno
            self.refusal = message
            self.fix = fix
        }

        /// The failure of `call` on `path`, with the current `errno`.
        static func failed(_ call: String, _ path: String) -> WriteError {
            let code = Glibc.errno
            return WriteError(path: path, call: call, reason: String(cString: strerror(code)), errno: code)
        }

        /// `cannot write PATH: why; nothing was changed`, the path escaped for a terminal.
        package var message: String {
            let shown = TerminalText.escape(path)
            if let refusal { return "cannot write \(shown): \(refusal); nothing was changed" }
            return "cannot write \(shown): \(call) failed; nothing was changed"
        }

        package var cause: ErrorCause? { call.isEmpty ? nil : .systemCall(call, errno: errno) }
    }

    /// Test-only: milliseconds to sleep once the temporary file has its name, so a test can signal a `fix` mid-write.
    /// Inert unless the variable is set to a positive number; nothing else reads it.
    static let pauseVariable = "CTXTRIM_TEST_ONLY_PAUSE_AFTER_TEMP_FILE_NAMED_MS"

    /// The prefix and marker of ctxtrim's temporary names: `.<name>.ctxtrim-tmp-XXXXXX`.
    package static let temporaryMarker = ".ctxtrim-tmp-"

    /// Writes `bytes` to `path` atomically, keeping the existing file's mode (0644 for a new file) and, as root, its
    /// owner. `path` must be a regular file or not exist. `unnamedFirst: false` goes straight to `mkstemp` (for tests of
    /// the fallback).
    package static func write(_ bytes: [UInt8], to path: String, unnamedFirst: Bool = true) throws(WriteError) {
        var mode: mode_t = 0o644
        var owner: (uid_t, gid_t)?
        var info = stat()
        if lstat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                throw WriteError(code: .isDirectory, path: path, message: "it is a directory", fix: "name a file")
            }
            guard kind == S_IFREG else {
                throw WriteError(
                    code: .notRegularFile, path: path,
                    message: "it is \(WritePath.kindName(info.st_mode)), not a regular file",
                    fix: "ctxtrim replaces only regular files: name one")
            }
            mode = info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
        } else if Glibc.errno != ENOENT {
            throw WriteError.failed("lstat", path)
        }

        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let prefix = (directory == "/" ? "/" : directory + "/") + "." + name + temporaryMarker

        guard ctempfile_install() == 0 else { throw WriteError.failed("sigaction", path) }
        defer {
            ctempfile_discard()
            ctempfile_uninstall()
        }
        let unnamed = unnamedFirst ? ctempfile_open_unnamed(directory, 0o600) : -1
        if unnamed >= 0 {
            defer { close(unnamed) }
            try fill(unnamed, with: bytes, mode: mode, owner: owner, path: path)
            if try link(unnamed, prefix: prefix, path: path) {
                try commit(path, directory: directory)
                return
            }
        }
        // No O_TMPFILE here (or no /proc to name it through): a file named from the start.
        var template = Array((prefix + "XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { ctempfile_make_named($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError.failed("mkstemp", path) }
        defer { close(descriptor) }
        try fill(descriptor, with: bytes, mode: mode, owner: owner, path: path)
        pauseForTests()
        try commit(path, directory: directory)
    }

    /// Writes all of `bytes`, sets the mode (and owner, as root) and fsyncs.
    private static func fill(
        _ descriptor: Int32, with bytes: [UInt8], mode: mode_t, owner: (uid_t, gid_t)?, path: String
    ) throws(WriteError) {
        try WritePath.writeAll(bytes, to: descriptor, path: path)
        guard fchmod(descriptor, mode) == 0 else { throw WriteError.failed("fchmod", path) }
        if let owner, geteuid() == 0, fchown(descriptor, owner.0, owner.1) != 0 {
            throw WriteError.failed("fchown", path)
        }
        guard fsync(descriptor) == 0 else { throw WriteError.failed("fsync", path) }
    }

    /// Names the unnamed file beside the target; false when it cannot be named this way (no /proc), so the caller
    /// falls back to `mkstemp`.
    private static func link(_ descriptor: Int32, prefix: String, path: String) throws(WriteError) -> Bool {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters.randomElement()! })
            if ctempfile_link_unnamed(descriptor, prefix + suffix) == 0 {
                pauseForTests()
                return true
            }
            switch Glibc.errno {
            case EEXIST: continue
            case ENOENT, EPERM, EXDEV, ENOTDIR: return false
            default: throw WriteError.failed("linkat", path)
            }
        }
        throw WriteError.failed("linkat", path)
    }

    /// Renames the recorded temporary file over `path` and fsyncs the directory.
    private static func commit(_ path: String, directory: String) throws(WriteError) {
        guard ctempfile_commit(path) == 0 else { throw WriteError.failed("rename", path) }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func pauseForTests() {
        guard let value = getenv(pauseVariable), let milliseconds = UInt32(String(cString: value)), milliseconds > 0
        else { return }
        usleep(min(milliseconds, 60_000) * 1000)
    }
}
