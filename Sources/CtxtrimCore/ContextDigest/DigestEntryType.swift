#if canImport(Glibc)
    import Glibc
#endif

/// An entry's type as the digest writes it: one letter from the file-type bits of `st_mode`.
enum DigestEntryType: UInt8, Sendable {
    case file = 0x66  // f
    case directory = 0x64  // d
    case symlink = 0x6C  // l
    case fifo = 0x70  // p
    case socket = 0x73  // s
    case characterDevice = 0x63  // c
    case blockDevice = 0x62  // b

    init?(mode: UInt32) {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): self = .file
        case UInt32(S_IFDIR): self = .directory
        case UInt32(S_IFLNK): self = .symlink
        case UInt32(S_IFIFO): self = .fifo
        case UInt32(S_IFSOCK): self = .socket
        case UInt32(S_IFCHR): self = .characterDevice
        case UInt32(S_IFBLK): self = .blockDevice
        default: return nil
        }
    }
}
