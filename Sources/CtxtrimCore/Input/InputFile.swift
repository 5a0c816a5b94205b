#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way ctxtrim reads an input file: the Dockerfile, ignore files, `.ctxtrim.yml`, compose files, baselines.
///
/// Files from the scanned tree are attacker-controlled. Every read here is bounded and never blocks:
/// - only a regular file is read (a FIFO, device, socket or directory is an error, found with `fstat` on the open
///   descriptor, which is opened with `O_NONBLOCK` so that even opening a FIFO cannot hang);
/// - at most ``Kind/limit`` bytes are read, whatever `st_size` says (`/proc` files report 0);
/// - a file of the tree (``Origin/tree(root:)``) may be a symlink only to a file inside `root`, as BuildKit reads files
///   from the context; the resolved path is then opened with `O_NOFOLLOW`, so a link swapped in after the check fails
///   instead of being followed. A path the user typed (``Origin/user``) may point anywhere.
package enum InputFile {
    /// Who named the file, which decides where it may point.
    package enum Origin: Sendable, Equatable {
        /// Found in the tree below `root` (absolute, symlinks resolved): it must stay inside it.
        case tree(root: String)
        /// Typed by the user on the command line (`-f`, `--ignore-file`, `--config`, `--baseline`).
        case user
    }

    /// What the file is, which sets the size limit and the words of messages.
    package enum Kind: String, Sendable, CaseIterable {
        case dockerfile = "Dockerfile"
        case ignoreFile = "ignore file"
        case config = "config file"
        case compose = "compose file"
        case envFile = "env file"
        case bake = "bake file"
        case baseline = "baseline"
        /// A manifest or source file of the project that `fix --dockerfile` reads (`go.mod`, `pom.xml`, `*.go`).
        case projectFile = "project file"

        /// The most bytes read. Real files are far below: BuildKit's own largest Dockerfiles are a few KiB, the
        /// largest public `.dockerignore` files a few hundred lines, and a baseline is one scan's JSON.
        package var limit: Int {
            switch self {
            case .dockerfile, .ignoreFile, .compose: 4 << 20
            case .config, .envFile, .bake, .projectFile: 1 << 20
            case .baseline: 64 << 20
            }
        }
    }

    /// Reads the whole file, or returns nil when nothing exists at `path` (a dangling link inside the tree counts as
    /// nothing, as for BuildKit). Throws ``InputError`` for anything else that is not a regular file within bounds.
    package static func read(_ path: String, kind: Kind, origin: Origin) throws(InputError) -> [UInt8]? {
        var openPath = path
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        if case .tree(let root) = origin {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { return nil }
                throw InputError(.unreadable, path: path, kind: kind, call: "lstat", errno: errno)
            }
            guard let resolved = BuildContext.realPath(path) else {
                if errno == ENOENT { return nil }
                throw InputError(.unreadable, path: path, kind: kind, call: "realpath", errno: errno)
            }
            guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw InputError(.outsideContext, path: path, kind: kind, target: resolved, root: root)
            }
            openPath = resolved
            flags |= O_NOFOLLOW
        }
        let descriptor = open(openPath, flags)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP, case .tree(let root) = origin {
                throw InputError(.outsideContext, path: path, kind: kind, target: nil, root: root)
            }
            throw InputError(.unreadable, path: path, kind: kind, call: "open", errno: errno)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw InputError(.unreadable, path: path, kind: kind, call: "fstat", errno: errno)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw InputError(.notRegular, path: path, kind: kind, fileType: FileType(mode: info.st_mode))
        }
        guard info.st_size <= kind.limit else {
            throw InputError(.tooLarge, path: path, kind: kind, size: Int64(info.st_size))
        }
        // A regular file opened with O_NONBLOCK reads as usual; clear the flag anyway for file systems that differ.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try readBounded(descriptor, path: path, kind: kind)
    }

    private static func readBounded(_ descriptor: Int32, path: String, kind: Kind) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(.unreadable, path: path, kind: kind, call: "read", errno: errno)
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= kind.limit else {
                throw InputError(.tooLarge, path: path, kind: kind, size: nil)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// The type of a non-regular file, for messages.
    package enum FileType: String, Sendable {
        case directory, fifo = "FIFO", characterDevice = "character device", blockDevice = "block device"
        case socket, symlink, unknown = "special file"

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            case S_IFLNK: self = .symlink
            default: self = .unknown
            }
        }
    }
}
