/// The type of a directory entry, as `ls` and BuildKit's context listing show it.
@usableFromInline package enum EntryKind: UInt8, Sendable, Hashable {
    /// A regular file (`f`).
    case file
    /// A directory (`d`).
    case directory
    /// A symbolic link, never followed (`l`).
    case symlink
    /// A FIFO, socket or device (`o`).
    case other

    /// The one-letter code of the `ls` listing.
    @usableFromInline package var code: Character {
        switch self {
        case .file: "f"
        case .directory: "d"
        case .symlink: "l"
        case .other: "o"
        }
    }
}
