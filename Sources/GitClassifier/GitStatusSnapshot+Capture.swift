#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension GitStatusSnapshot {
    /// Captures the git status of the build context at `contextDirectory` (an absolute path), or returns nil when the
    /// directory is in no git repository.
    ///
    /// Runs one `git_status_list_new` on the repository that contains the context, restricted to the context when it is a
    /// subdirectory, and one more per checked-out submodule inside the context. When git's rules ignore the context
    /// directory itself or a directory above it, that status enters ignored directories, since otherwise it would list
    /// nothing below the context.
    package static func capture(contextDirectory: String) throws(GitError) -> GitStatusSnapshot? {
        let context = resolvedPath(contextDirectory)
        guard let repository = try Repository.discover(containing: context) else { return nil }
        guard let workdir = repository.workdir else {
            throw GitError(
                code: .bareRepository,
                message: "the context is inside a bare git repository, which has no work tree; choose a checked-out directory",
                path: contextDirectory, cause: nil)
        }
        let workTree = resolvedPath(workdir)
        let contextPath: String
        if context == workTree {
            contextPath = ""
        } else if context.hasPrefix(workTree == "/" ? "/" : workTree + "/") {
            contextPath = String(context.dropFirst(workTree == "/" ? 1 : workTree.count + 1))
        } else {
            throw GitError(
                code: .contextOutsideWorkTree,
                message: "the context does not resolve to a directory inside the work tree \(workTree); pass the real path",
                path: contextDirectory, cause: nil)
        }

        var tables = Tables(contextPath: contextPath)
        var submodules: [GitSubmodule] = []
        if contextPath.split(separator: "/").contains(".git") {
            tables.root = .uniform(.vcs)
        } else {
            let underIgnored = contextPath.isEmpty ? false : try repository.rulesIgnore(contextPath + "/")
            let entries = try repository.untrackedAndIgnored(
                pathspec: contextPath.isEmpty ? nil : contextPath, recurseIgnoredDirectories: underIgnored)
            tables.add(entries, repositoryPrefix: "")
            try addSubmodules(of: repository, prefix: "", tables: &tables, into: &submodules)
        }
        return GitStatusSnapshot(
            workTree: workTree, contextPath: contextPath, submodules: submodules.sorted { $0.path < $1.path },
            root: tables.root, files: tables.files, directories: tables.directories)
    }

    /// Lists the submodules of `repository` (whose work tree is at `prefix` in the outer one) and, for each checked-out
    /// submodule inside the context, adds its own status to `tables`; recurses into nested submodules.
    private static func addSubmodules(
        of repository: Repository, prefix: String, tables: inout Tables, into submodules: inout [GitSubmodule]
    ) throws(GitError) {
        for found in try repository.submodules() {
            let path = prefix + found.path
            let submodule = try repository.openSubmodule(named: found.name, path: path)
            submodules.append(GitSubmodule(name: found.name, path: path, url: found.url, isCheckedOut: submodule != nil))
            guard let submodule else { continue }
            if tables.contains(path) {
                tables.add(
                    try submodule.untrackedAndIgnored(pathspec: nil, recurseIgnoredDirectories: false),
                    repositoryPrefix: path + "/")
            }
            try addSubmodules(of: submodule, prefix: path + "/", tables: &tables, into: &submodules)
        }
    }

    /// `path` with symlinks resolved (`realpath`), or unchanged when it cannot be resolved; never with a trailing `/`.
    private static func resolvedPath(_ path: String) -> String {
        var resolved = path
        if let real = realpath(path, nil) {
            resolved = String(cString: real)
            free(real)
        }
        while resolved.count > 1 && resolved.hasSuffix("/") { resolved.removeLast() }
        return resolved
    }
}

/// The lookup tables of a snapshot while they are being filled, with paths turned relative to the context.
private struct Tables {
    let contextPath: String
    var root: GitClassification = .uniform(.tracked)
    var files: [String: GitClass] = [:]
    var directories: [String: GitClassification] = [:]

    init(contextPath: String) {
        self.contextPath = contextPath
    }

    /// Whether `path` (relative to the outer work tree) is the context or lies inside it.
    func contains(_ path: String) -> Bool {
        contextPath.isEmpty || path == contextPath || path.hasPrefix(contextPath + "/")
    }

    /// Adds status entries of the repository whose work tree is at `repositoryPrefix` (empty or ending with `/`) in the
    /// outer work tree; entries outside the context are dropped.
    mutating func add(_ entries: [StatusEntry], repositoryPrefix: String) {
        let contextPrefix = contextPath.isEmpty ? "" : contextPath + "/"
        for entry in entries {
            var path = repositoryPrefix + entry.path
            let isDirectory = path.hasSuffix("/")
            if isDirectory { path.removeLast() }
            if path == contextPath {
                root = .uniform(entry.gitClass)
                continue
            }
            guard path.hasPrefix(contextPrefix) else { continue }
            let relative = String(path.dropFirst(contextPrefix.count))
            if isDirectory {
                directories[relative] = .uniform(entry.gitClass)
            } else {
                files[relative] = entry.gitClass
            }
            markAncestorsMixed(of: relative)
        }
    }

    /// Marks every directory above `path`, and the root, as mixed, stopping at the first one already marked.
    private mutating func markAncestorsMixed(of path: String) {
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            let directory = String(current)
            switch directories[directory] {
            case .mixed: return
            case nil: directories[directory] = .mixed
            case .uniform: break
            }
        }
        root = .mixed
    }
}
