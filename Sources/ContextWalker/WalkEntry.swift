import UntrustedText

/// One entry met by the walk, as handed to ``WalkVisitor/visit(_:state:)``.
///
/// The path and name point into the walker's buffers: they are valid only during the call. Copy what you keep.
package struct WalkEntry {
    /// Relative to the root, '/'-separated, no leading '/'; raw bytes (not necessarily UTF-8).
    package let path: UnsafeBufferPointer<UInt8>
    /// Where the last component starts in ``path``.
    package let nameStart: Int
    /// 1 for the root's children.
    package let depth: Int
    package let kind: EntryKind
    /// As BuildKit counts it: a regular file's bytes, a symlink's target length (lstat `st_size`), otherwise 0.
    package let size: Int64
    package let disposition: EntryDisposition
    /// Whether this process may read the regular file (always true for root and for other kinds). Mode bits against the
    /// effective user and groups; ACLs are not consulted.
    package let isReadable: Bool
    /// The open directory holding the entry, valid only during the call: read the entry with `openat` or
    /// `readlinkat` and its ``name``, which works for any name and at any depth (no path is built or resolved).
    package let directoryDescriptor: Int32
    /// The entry's `fstatat`, when the walk made one (regular files and symlinks of a walk that reads sizes, and any
    /// entry whose type the directory did not give); nil otherwise.
    package let status: FileStatus?

    /// The last path component.
    package var name: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: path[nameStart...]) }

    /// The path as a String; bytes that are not UTF-8 are kept (``LosslessUTF8``), so it converts back exactly.
    package var pathString: String { LosslessUTF8.decode(path) }
}
