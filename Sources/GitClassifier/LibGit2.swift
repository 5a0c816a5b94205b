import CLibgit2

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

    /// The message of libgit2's last error on this thread, or a generic text naming the return code.
    static func lastErrorMessage(code: Int32) -> String {
        if let error = git_error_last(), let message = error.pointee.message {
            return String(cString: message)
        }
        return "libgit2 error \(code)"
    }
}
