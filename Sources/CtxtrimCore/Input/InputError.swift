import CtxtrimErrors

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an input file was not read: it is not a regular file, it is too large, it is a link leaving the context, or a
/// system call failed. The message names the file; it never quotes the file's content.
package struct InputError: CtxtrimError, Sendable, Equatable {
    package enum Code: String, ErrorCode {
        case notRegular = "input.not-regular-file"
        case tooLarge = "input.too-large"
        case outsideContext = "input.symlink-outside-context"
        case unreadable = "input.unreadable"

        package var kind: ErrorKind { .input }
    }

    package let code: Code
    package let path: String
    /// Which input it is (Dockerfile, ignore file, config, ...), which sets its size limit.
    package let fileKind: InputFile.Kind
    /// For ``Code/notRegular``.
    package var fileType: InputFile.FileType?
    /// For ``Code/tooLarge``: `st_size`, when it was known before reading.
    package var size: Int64?
    /// For ``Code/outsideContext``: where the path resolves, when known, and the tree it must stay in.
    package var target: String?
    package var root: String?
    /// For ``Code/unreadable``: the failing call and its errno.
    package var call: String?
    package var errno: Int32?

    init(
        _ code: Code, path: String, kind: InputFile.Kind, fileType: InputFile.FileType? = nil, size: Int64? = nil,
        target: String? = nil, root: String? = nil, call: String? = nil, errno: Int32? = nil
    ) {
        self.root = root
        self.code = code
        self.path = path
        self.fileKind = kind
        self.fileType = fileType
        self.size = size
        self.target = target
        self.call = call
        self.errno = errno
    }

    package var message: String {
        let name = "\(fileKind.rawValue) '\(path)'"
        switch code {
        case .notRegular:
            return "\(name) is a \(fileType?.rawValue ?? "special file"), not a regular file"
        case .tooLarge:
            let actual = size.map { " (\(ByteCount.format($0)))" } ?? ""
            return "\(name) is larger than \(ByteCount.format(Int64(fileKind.limit)))\(actual), the limit for a "
                + "\(fileKind.rawValue)"
        case .outsideContext:
            let whereTo = target.map { "resolves to '\($0)', " } ?? "is a symlink swapped in while it was read, "
            return "\(name) \(whereTo)outside '\(root ?? "the build context")'"
        case .unreadable:
            return "cannot read \(name)"
        }
    }

    package var fix: String? {
        switch code {
        case .notRegular: "ctxtrim reads only regular files: name one"
        case .tooLarge: "no real \(fileKind.rawValue) is that large: name the right file"
        case .outsideContext:
            "a file found in the tree is read only inside it, as BuildKit reads the context: replace the link with the "
                + "file, or name a file outside on the command line"
        case .unreadable: "check that it exists and is readable"
        }
    }

    package var cause: ErrorCause? {
        guard let errno else { return nil }
        return .systemCall(call ?? "read", errno: errno)
    }
}
