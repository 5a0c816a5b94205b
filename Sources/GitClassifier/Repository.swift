import CLibgit2

/// An open git repository. Owns its libgit2 handle; use it from one thread at a time.
package final class Repository {
    let handle: OpaquePointer

    /// The repository's working directory, with a trailing `/`, or nil for a bare repository.
    package let workdir: String?

    /// Opens the repository that contains `path`, searching parent directories as git does.
    /// Returns nil when `path` is in no repository.
    package static func discover(containing path: String) throws(GitError) -> Repository? {
        LibGit2.ensureInitialized()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let handle else {
            throw GitError(call: "git_repository_open_ext", code: code, message: LibGit2.lastErrorMessage(code: code))
        }
        return Repository(handle: handle)
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
        self.workdir = git_repository_workdir(handle).map { String(cString: $0) }
    }

    deinit {
        git_repository_free(handle)
    }
}
