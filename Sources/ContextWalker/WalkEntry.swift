import UntrustedText

/// One entry met by the walk, as handed to ``WalkVisitor/visit(_:state:)``.
///
/// The path and name point into the walker's buffers: they are valid only during the call. Copy what you keep.
@usableFromInline package struct WalkEntry {
    /// Relative to the root, '/'-separated, no leading '/'; raw bytes (not necessarily UTF-8).
    @usableFromInline package let path: UnsafeBufferPointer<UInt8>
    /// Where the last component starts in ``path``.
    @usableFromInline package let nameStart: Int
    /// 1 for the root's children.
    @usableFromInline package let depth: Int
    @usableFromInline package let kind: EntryKind
    /// As BuildKit counts it: a regular file's bytes, a symlink's target length (lstat `st_size`), otherwise 0.
    @usableFromInline package let size: Int64
    @usableFromInline package let disposition: EntryDisposition
    /// Whether this process may read the regular file (always true for root and for other kinds). Mode bits against the
    /// effective user and groups; ACLs are not consulted.
    @usableFromInline package let isReadable: Bool
    /// The open directory holding the entry, valid only during the call: read the entry with `openat` or
    /// `readlinkat` and its ``name``, which works for any name and at any depth (no path is built or resolved).
    @usableFromInline package let directoryDescriptor: Int32
    /// The entry's `fstatat`, when the walk made one (regular files and symlinks of a walk that reads sizes, and any
    /// entry whose type the directory did not give); nil otherwise.
    @usableFromInline package let status: FileStatus?

    @inlinable
    init(
        path: UnsafeBufferPointer<UInt8>, nameStart: Int, depth: Int, kind: EntryKind, size: Int64,
        disposition: EntryDisposition, isReadable: Bool, directoryDescriptor: Int32, status: FileStatus?
    ) {
        self.path = path
        self.nameStart = nameStart
        self.depth = depth
        self.kind = kind
        self.size = size
        self.disposition = disposition
        self.isReadable = isReadable
        self.directoryDescriptor = directoryDescriptor
        self.status = status
    }

    /// The last path component.
    @usableFromInline package var name: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: path[nameStart...]) }

    /// The path as a String; bytes that are not UTF-8 are kept (``LosslessUTF8``), so it converts back exactly.
    @usableFromInline package var pathString: String { LosslessUTF8.decode(path) }
}
