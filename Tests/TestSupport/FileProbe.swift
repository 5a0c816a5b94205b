#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// What a test asks of a path after a command ran: its type and permission bits (never following a link), its text.
public enum FileProbe {
    /// `S_IFREG`, `S_IFLNK`, `S_IFCHR`, ... of the entry itself, or nil when nothing is there.
    public static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// The permission bits of the entry itself.
    public static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// The file's text (UTF-8, lossy), or nil when it cannot be read.
    public static func contents(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
    }
}
