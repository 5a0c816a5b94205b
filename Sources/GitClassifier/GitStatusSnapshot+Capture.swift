#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension GitStatusSnapshot {
    /// Captures the git status of the build context at `contextDirectory` (an absolute path), or returns nil when the
    /// directory is in no git repository.
    ///
    /// Runs one `git_status_list_new` on the repository that contains the context, restricted to the context when it is
    /// a subdirectory, and one more per checked-out submodule inside the context. Three gaps of libgit2 1.5's status
    /// against the git CLI are closed with the index and the ignore rules: inside a directory the rules ignore but that
    /// holds tracked files, untracked files are ignored (libgit2 omits them) and a `!` rule re-includes nothing
    /// (libgit2 says untracked); a nested repository holding only ignored files is untracked (libgit2 says ignored).
    /// That costs one ignore-rule check per directory holding tracked files.
    package static func capture(contextDirectory: String) throws(GitError) -> GitStatusSnapshot? {
        let context = resolvedPath(contextDirectory)
        guard let repository = try Repository.discover(containing: context) else { return nil }
        guard let workdir = repository.workdir else {
            throw GitError(
                code: .bareRepository,
                message: "the context is inside a bare git repository, which has no work tree",
                fix: "use a checked-out directory", path: contextDirectory, cause: nil)
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
                message: "the context does not resolve to a directory inside the work tree \(workTree)",
                fix: "pass the real path", path: contextDirectory, cause: nil)
        }

        var tables = Tables(contextPath: contextPath)
        var submodules: [GitSubmodule] = []
        if contextPath.split(separator: "/").contains(".git") {
            tables.root = .uniform(.vcs)
        } else {
            try addStatus(
                of: repository, workTree: workTree, prefix: "", pathspec: contextPath.isEmpty ? nil : contextPath,
                tables: &tables)
            try addSubmodules(of: repository, workTree: workTree, prefix: "", tables: &tables, into: &submodules)
        }
        if case .mixed(let unlisted) = tables.root, tables.files.isEmpty, tables.directories.isEmpty {
            tables.root = .uniform(unlisted)
        }
        return GitStatusSnapshot(
            workTree: workTree, contextPath: contextPath, submodules: submodules.sorted { $0.path < $1.path },
            root: tables.root, files: tables.files, directories: tables.directories,
            trackedDirectories: tables.trackedDirectories)
    }

    /// Adds to `tables` the status of `repository`, whose work tree is `workTree` (absolute) at `prefix` (empty or
    /// ending with `/`) in the outer work tree, restricted to `pathspec` (relative to `workTree`).
    private static func addStatus(
        of repository: Repository, workTree: String, prefix: String, pathspec: String?, tables: inout Tables
    ) throws(GitError) {
        let tracked = try repository.trackedFiles(under: pathspec)
        let ignoredHoldingTracked = try ignoredDirectoriesHoldingTrackedFiles(
            of: repository, tracked: tracked, within: pathspec)
        let ignoredDirectories = Set(ignoredHoldingTracked)
        for file in tracked { tables.addTrackedFile(prefix + file) }
        for directory in ignoredHoldingTracked {
            tables.addIgnoredDirectoryHoldingTrackedFiles(prefix + directory)
        }
        for file in tracked where ignoredDirectories.contains(parent(of: file)) {
            tables.add(prefix + file, gitClass: .tracked)
        }
        for entry in try repository.untrackedAndIgnored(pathspec: pathspec) {
            var gitClass = entry.gitClass
            if gitClass == .untracked, !ignoredDirectories.isEmpty, hasAncestor(of: entry.path, in: ignoredDirectories)
            {
                // libgit2 applies a `!` rule inside an ignored directory that holds tracked files; git does not.
                gitClass = .ignored
            } else if gitClass == .ignored, entry.path.hasSuffix("/"),
                access(workTree + "/" + entry.path + ".git", F_OK) == 0, try !repository.rulesIgnore(entry.path)
            {
                // A nested repository whose files the rules all match: git lists it untracked, libgit2 ignored.
                gitClass = .untracked
            }
            tables.add(prefix + entry.path, gitClass: gitClass)
        }
    }

    /// Whether a directory above `path` (which may end with `/`) is in `directories`.
    private static func hasAncestor(of path: String, in directories: Set<String>) -> Bool {
        var current = Substring(path.hasSuffix("/") ? String(path.dropLast()) : path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            if directories.contains(String(current)) { return true }
        }
        return false
    }

    /// The directories, at or below `pathspec`, that hold tracked files (at any depth) and that the ignore rules match,
    /// parents before children. `pathspec` itself is checked even without tracked files: libgit2 lists nothing below a
    /// pathspec inside an ignored directory.
    private static func ignoredDirectoriesHoldingTrackedFiles(
        of repository: Repository, tracked: [String], within pathspec: String?
    ) throws(GitError) -> [String] {
        var holding = Set<String>()
        if let pathspec { holding.insert(pathspec) }
        for file in tracked {
            var directory = parent(of: file)
            while !directory.isEmpty, holding.insert(directory).inserted {
                directory = parent(of: directory)
            }
        }
        var ignored: [String] = []
        for directory in holding.sorted() {
            if let pathspec, directory != pathspec, !directory.hasPrefix(pathspec + "/") { continue }
            if let last = ignored.last, directory.hasPrefix(last + "/") {
                ignored.append(directory)
            } else if try repository.rulesIgnore(directory + "/") {
                ignored.append(directory)
            }
        }
        return ignored
    }

    /// Lists the submodules of `repository` (whose work tree is at `prefix` in the outer one) and, for each checked-out
    /// submodule inside the context, adds its own status to `tables`; recurses into nested submodules.
    private static func addSubmodules(
        of repository: Repository, workTree: String, prefix: String, tables: inout Tables,
        into submodules: inout [GitSubmodule]
    ) throws(GitError) {
        for found in try repository.submodules() {
            let path = prefix + found.path
            let submodule = try repository.openSubmodule(named: found.name, path: path)
            submodules.append(
                GitSubmodule(name: found.name, path: path, url: found.url, isCheckedOut: submodule != nil))
            guard let submodule else { continue }
            let submoduleWorkTree = workTree + "/" + found.path
            if tables.contains(path) {
                try addStatus(
                    of: submodule, workTree: submoduleWorkTree, prefix: path + "/", pathspec: nil, tables: &tables)
            }
            try addSubmodules(
                of: submodule, workTree: submoduleWorkTree, prefix: path + "/", tables: &tables, into: &submodules)
        }
    }

    /// The directory part of `path`, or an empty string at the top level.
    private static func parent(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
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
    /// Context-relative directories with a tracked file somewhere below them.
    var trackedDirectories: Set<String> = []

    init(contextPath: String) {
        self.contextPath = contextPath
    }

    /// Whether `path` (relative to the outer work tree) is the context or lies inside it.
    func contains(_ path: String) -> Bool {
        contextPath.isEmpty || path == contextPath || path.hasPrefix(contextPath + "/")
    }

    /// The context-relative form of `path` (relative to the outer work tree): empty for the context itself, nil
    /// outside.
    private func relative(_ path: String) -> String? {
        if contextPath.isEmpty { return path }
        if path == contextPath { return "" }
        guard path.hasPrefix(contextPath + "/") else { return nil }
        return String(path.dropFirst(contextPath.utf8.count + 1))
    }

    /// Adds a path git lists (relative to the outer work tree; a directory ends with `/`) with its class. A directory
    /// already known to be mixed keeps its tables.
    mutating func add(_ listed: String, gitClass: GitClass) {
        var path = listed
        let isDirectory = path.hasSuffix("/")
        if isDirectory { path.removeLast() }
        guard let relative = relative(path) else { return }
        if relative.isEmpty {
            if !root.isMixed { root = .uniform(gitClass) }
            return
        }
        if isDirectory {
            if directories[relative]?.isMixed == true { return }
            directories[relative] = .uniform(gitClass)
        } else {
            files[relative] = gitClass
        }
        markAncestorsMixed(of: relative)
    }

    /// Records the directories above a tracked file (relative to the outer work tree) that lie inside the context.
    mutating func addTrackedFile(_ path: String) {
        guard let relative = relative(path) else { return }
        var current = Substring(relative)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            guard trackedDirectories.insert(String(current)).inserted else { return }
        }
    }

    /// Records a directory (relative to the outer work tree) that the ignore rules match but that holds tracked files:
    /// its children that git does not list are ignored.
    mutating func addIgnoredDirectoryHoldingTrackedFiles(_ path: String) {
        guard let relative = relative(path) else { return }
        if relative.isEmpty {
            root = .mixed(unlisted: .ignored)
            return
        }
        directories[relative] = .mixed(unlisted: .ignored)
        markAncestorsMixed(of: relative)
    }

    /// Marks every directory above `path`, and the root, as mixed, stopping at the first one already mixed.
    private mutating func markAncestorsMixed(of path: String) {
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            let directory = String(current)
            switch directories[directory] {
            case .mixed: return
            case nil: directories[directory] = .mixed(unlisted: .tracked)
            case .uniform: break
            }
        }
        if !root.isMixed { root = .mixed(unlisted: .tracked) }
    }
}
