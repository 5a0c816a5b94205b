import CtxtrimErrors

/// Why a build's digest cannot be computed: a transferred file that cannot be read (BuildKit could not send it
/// either), one that changed while it was read, or a cache that cannot be written.
package struct DigestProblem: CtxtrimError, Sendable, Equatable {
    package enum Code: String, ErrorCode {
        case unreadable = "digest.unreadable"
        case changed = "digest.changed-during-digest"
        case cacheNotWritten = "digest.cache-not-written"
        case noDockerfile = "digest.no-dockerfile"

        package var kind: ErrorKind {
            switch self {
            case .unreadable, .changed, .noDockerfile: .input
            case .cacheNotWritten: .output
            }
        }
    }

    package let code: Code
    /// Relative to the walk root, or the cache file.
    package var path: String
    package var call: String?
    package var errno: Int32?

    static func unreadable(_ path: String, errno: Int32, call: String) -> DigestProblem {
        DigestProblem(code: .unreadable, path: path, call: call, errno: errno)
    }

    static func changed(_ path: String) -> DigestProblem {
        DigestProblem(code: .changed, path: path)
    }

    package var message: String {
        switch code {
        case .unreadable: "cannot read '\(path)', which the build transfers"
        case .changed: "'\(path)' changed while it was hashed"
        case .cacheNotWritten: "cannot write the digest cache '\(path)'"
        case .noDockerfile: "there is no Dockerfile '\(path)' to digest the build of"
        }
    }

    package var fix: String? {
        switch code {
        case .unreadable: "make it readable, or keep it out of the context with the ignore file"
        case .changed: "digest a tree nothing writes to (after the checkout or the build step that writes it)"
        case .cacheNotWritten: "check the cache directory's permissions and free space, or pass --no-cache"
        case .noDockerfile: "name the build's Dockerfile with -f"
        }
    }

    package var cause: ErrorCause? {
        guard let errno else { return nil }
        return .systemCall(call ?? "read", errno: errno)
    }
}
