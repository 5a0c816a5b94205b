import UntrustedText

/// A soft problem met during the walk: it is reported and the walk goes on.
@usableFromInline package struct WalkDiagnostic: Sendable, Hashable {
    /// What went wrong.
    @usableFromInline package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A directory could not be opened or read (EACCES, EPERM): nothing below it is known.
        case unreadableDirectory = "unreadable-directory"
        /// An entry listed by its directory was gone when the walker looked at it (ENOENT); it is not visited.
        case vanished
        /// A directory turned into a symlink during the walk, or a path has too many symlinks (ELOOP).
        case symlinkLoop = "symlink-loop"
        /// A directory turned into something else during the walk (ENOTDIR).
        case notADirectory = "not-a-directory"
        /// The entry's absolute path reaches PATH_MAX: other tools (and BuildKit) cannot open it by path. Reported
        /// once, for the first entry on a branch that reaches the limit; the walker itself goes on below it.
        case pathTooLong = "path-too-long"
        /// The entry's name is not valid UTF-8. The entry is still visited, with its raw bytes.
        case nonUTF8Name = "non-utf8-name"
        /// A FIFO, socket or device (kind ``EntryKind/other``). The entry is still visited.
        case specialFile = "special-file"
        /// Any other failing system call.
        case systemError = "system-error"
    }

    /// Relative to the root, raw bytes; empty for the root itself.
    @usableFromInline package let path: [UInt8]
    @usableFromInline package let kind: Kind
    /// The failing C function, if a system call failed.
    @usableFromInline package let syscall: String?
    /// The errno it set, if a system call failed.
    @usableFromInline package let errno: Int32?

    @usableFromInline package init(path: [UInt8], kind: Kind, syscall: String? = nil, errno: Int32? = nil) {
        self.path = path
        self.kind = kind
        self.syscall = syscall
        self.errno = errno
    }

    /// The path as a String, non-UTF-8 bytes kept (``LosslessUTF8``).
    @usableFromInline package var pathString: String { LosslessUTF8.decode(path) }
}
