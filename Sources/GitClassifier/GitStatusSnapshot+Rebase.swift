#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension GitStatusSnapshot {
    /// The status of the subdirectory `subdirectory` (relative to this snapshot's context) as a capture of that
    /// directory would give it, without asking libgit2 again: `--all` captures the repository once and hands every
    /// build context below it its part. Only for a directory of the same work tree (``workTreeRoot(of:)``): a nested
    /// repository or a submodule has a status of its own.
    package func rebased(to subdirectory: String) -> GitStatusSnapshot {
        guard !subdirectory.isEmpty, subdirectory != "." else { return self }
        let prefix = subdirectory + "/"
        func inside<Value>(_ table: [String: Value]) -> [String: Value] {
            var result: [String: Value] = [:]
            for (path, value) in table where path.hasPrefix(prefix) {
                result[String(path.dropFirst(prefix.count))] = value
            }
            return result
        }
        var root = classify(path: subdirectory, isDirectory: true)
        let files = root.isMixed ? inside(files) : [:]
        let directories = root.isMixed ? inside(directories) : [:]
        if case .mixed(let unlisted) = root, files.isEmpty, directories.isEmpty { root = .uniform(unlisted) }
        return GitStatusSnapshot(
            workTree: workTree, contextPath: contextPath.isEmpty ? subdirectory : contextPath + "/" + subdirectory,
            submodules: submodules, root: root, files: files, directories: directories,
            trackedDirectories: Set(
                trackedDirectories.lazy.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }))
    }

    /// The work tree of the repository that holds `directory` (absolute, symlinks resolved), or nil outside any.
    package static func workTreeRoot(of directory: String) -> String? {
        guard let repository = try? Repository.discover(containing: directory), let workdir = repository.workdir else {
            return nil
        }
        var resolved = workdir
        if let real = realpath(workdir, nil) {
            resolved = String(cString: real)
            free(real)
        }
        while resolved.count > 1, resolved.hasSuffix("/") { resolved.removeLast() }
        return resolved
    }
}
