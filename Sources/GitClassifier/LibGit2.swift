import CLibgit2
import CtxtrimErrors

/// Process-wide libgit2 set-up and version information.
///
/// `git_libgit2_init` is reference counted and cheap after the first call; every entry point of this module calls
/// `LibGit2.ensureInitialized()` before touching libgit2.
package enum LibGit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
        return true
    }()

    /// Initializes libgit2 once for the process.
    package static func ensureInitialized() {
        _ = initialized
    }

    /// The version of the linked libgit2, as `major.minor.revision`.
    package static var version: String {
        ensureInitialized()
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// The failure of `call` with return `code`, carrying libgit2's last error message on this thread.
    ///
    /// `git_error_last()` is thread-local and may be nil; call this right after the failing call, on the same thread.
    static func failure(of call: String, code: Int32) -> ErrorCause {
        var message = "libgit2 error \(code)"
        if let error = git_error_last(), let text = error.pointee.message {
            message = String(cString: text)
        }
        return .libraryCall(call, code: code, message: message)
    }
}
