import CLibgit2
import UntrustedText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open git repository. Owns its libgit2 handle; use it from one thread at a time.
package final class Repository {
    let handle: OpaquePointer

    /// The repository's working directory, with a trailing `/`, or nil for a bare repository.
    package let workdir: String?

    /// Opens the repository that contains `path`, searching parent directories as git does (`git_repository_open_ext`).
    /// A `.git` file (worktree, submodule) is followed. Returns nil when `path` is in no repository.
    package static func discover(containing path: String) throws(GitError) -> Repository? {
        LibGit2.ensureInitialized()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let handle else {
            throw GitError(
                code: .openRepository, message: "cannot open the git repository around the context",
                fix: "check its permissions and `git status` there", path: path,
                cause: LibGit2.failure(of: "git_repository_open_ext", code: code))
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

    /// The untracked and ignored paths of the work tree, from one `git_status_list_new`.
    ///
    /// Untracked directories are recursed (`RECURSE_UNTRACKED_DIRS`) because otherwise an untracked directory comes
    /// back as one entry that hides the ignored files inside it; ignored directories are not entered and come back as
    /// one entry ending with `/`. Nested repositories come back as one directory entry. Submodules are left out: each
    /// is its own repository. Untracked files directly inside a directory that the rules ignore but that holds tracked
    /// files are not listed at all (libgit2 1.5): see ``trackedFiles(under:)``.
    /// - Parameter pathspec: a directory relative to the work tree, matched literally, or nil for the whole tree.
    func untrackedAndIgnored(pathspec: String?) throws(GitError) -> [StatusEntry] {
        var options = git_status_options()
        var code = git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        guard code == 0 else { throw statusError("git_status_options_init", code: code) }
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags =
            GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_INCLUDE_IGNORED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue

        var list: OpaquePointer?
        if let pathspec {
            code = pathspec.withCString { cPath in
                var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: cPath)]
                return strings.withUnsafeMutableBufferPointer { buffer in
                    options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
                    return git_status_list_new(&list, handle, &options)
                }
            }
        } else {
            code = git_status_list_new(&list, handle, &options)
        }
        guard code == 0, let list else { throw statusError("git_status_list_new", code: code) }
        defer { git_status_list_free(list) }

        let untracked = GIT_STATUS_WT_NEW.rawValue
        let ignored = GIT_STATUS_IGNORED.rawValue
        var entries: [StatusEntry] = []
        for index in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, index), let delta = entry.pointee.index_to_workdir else {
                continue
            }
            let status = entry.pointee.status.rawValue
            let gitClass: GitClass
            if status & ignored != 0 {
                gitClass = .ignored
            } else if status & untracked != 0 {
                gitClass = .untracked
            } else {
                continue
            }
            guard let path = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
            entries.append(StatusEntry(path: Self.pathText(path), gitClass: gitClass))
        }
        return entries
    }

    /// The paths of the files in the index (`git_index_get_byindex`), relative to the work tree, below `directory` (or
    /// all of them when nil). Submodule entries (gitlinks) are left out.
    func trackedFiles(under directory: String?) throws(GitError) -> [String] {
        var index: OpaquePointer?
        let code = git_repository_index(&index, handle)
        guard code == 0, let index else { throw statusError("git_repository_index", code: code) }
        defer { git_index_free(index) }
        let prefix = directory.map { $0 + "/" } ?? ""
        let prefixLength = prefix.utf8.count
        let gitlinkMode: UInt32 = 0o160000
        var paths: [String] = []
        prefix.withCString { cPrefix in
            for position in 0..<git_index_entrycount(index) {
                guard let entry = git_index_get_byindex(index, position), entry.pointee.mode != gitlinkMode,
                    let path = entry.pointee.path, strncmp(path, cPrefix, prefixLength) == 0
                else { continue }
                paths.append(Self.pathText(path))
            }
        }
        return paths
    }

    /// Whether git's ignore rules match `path` (relative to the work tree), or one of its parent directories
    /// (`git_ignore_path_is_ignored`). It ignores the index: a tracked path can match. Costs 15-20 µs: never call per
    /// file.
    func rulesIgnore(_ path: String) throws(GitError) -> Bool {
        var ignored: Int32 = 0
        let code = git_ignore_path_is_ignored(&ignored, handle, path)
        guard code == 0 else { throw statusError("git_ignore_path_is_ignored", code: code) }
        return ignored != 0
    }

    /// The submodules listed in this repository's `.gitmodules` and index (`git_submodule_foreach`), not recursing.
    func submodules() throws(GitError) -> [(name: String, path: String, url: String?)] {
        final class Collector {
            var found: [(name: String, path: String, url: String?)] = []
        }
        let collector = Collector()
        let code = withExtendedLifetime(collector) {
            git_submodule_foreach(
                handle,
                { submodule, name, payload in
                    guard let submodule, let payload else { return 0 }
                    let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
                    collector.found.append(
                        (
                            name: name.map { String(cString: $0) } ?? "",
                            path: String(cString: git_submodule_path(submodule)),
                            url: git_submodule_url(submodule).map { String(cString: $0) }
                        ))
                    return 0
                }, Unmanaged.passUnretained(collector).toOpaque())
        }
        guard code == 0 else {
            throw GitError(
                code: .submodule, message: "cannot list the submodules",
                fix: "check `.gitmodules` with `git submodule status`", path: workdir ?? "",
                cause: LibGit2.failure(of: "git_submodule_foreach", code: code))
        }
        return collector.found
    }

    /// Opens the checked-out submodule at `path` (relative to the work tree), or returns nil when its work tree holds
    /// no repository (not initialized, or not checked out).
    func openSubmodule(named name: String, path: String) throws(GitError) -> Repository? {
        var submodule: OpaquePointer?
        var code = git_submodule_lookup(&submodule, handle, name)
        guard code == 0, let submodule else { throw submoduleError("git_submodule_lookup", code: code, path: path) }
        defer { git_submodule_free(submodule) }
        var location: UInt32 = 0
        code = git_submodule_location(&location, submodule)
        guard code == 0 else { throw submoduleError("git_submodule_location", code: code, path: path) }
        guard location & GIT_SUBMODULE_STATUS_IN_WD.rawValue != 0 else { return nil }
        var opened: OpaquePointer?
        code = git_submodule_open(&opened, submodule)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let opened else { throw submoduleError("git_submodule_open", code: code, path: path) }
        return Repository(handle: opened)
    }

    private func statusError(_ call: String, code: Int32) -> GitError {
        GitError(
            code: .status, message: "cannot read the git status of the work tree",
            fix: "check that `git status` works there", path: workdir ?? "",
            cause: LibGit2.failure(of: call, code: code))
    }

    private func submoduleError(_ call: String, code: Int32, path: String) -> GitError {
        GitError(
            code: .submodule, message: "cannot open the submodule",
            fix: "run `git submodule update --init` or remove it", path: path,
            cause: LibGit2.failure(of: call, code: code))
    }

    /// A path libgit2 returns, as the walk spells it: raw bytes kept (``LosslessUTF8``), so classes match by name.
    static func pathText(_ path: UnsafePointer<CChar>) -> String {
        LosslessUTF8.decode(UnsafeRawBufferPointer(start: path, count: strlen(path)))
    }
}
