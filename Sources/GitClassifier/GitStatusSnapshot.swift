/// The git status of one build context, captured once and answered from hash tables: safe to share between threads.
///
/// Paths are relative to the context root, `/`-separated, without a leading `./` or a trailing `/`. Only the paths git
/// lists as untracked or ignored, the directories above them, and directories the ignore rules match although they hold
/// tracked files (with those tracked files) are stored; every other path of the work tree is tracked. Entries named
/// `.git` (a repository's directory, a worktree's or submodule's file) and everything below them are `vcs`. Capture one
/// with ``capture(contextDirectory:)``.
package struct GitStatusSnapshot: Sendable {
    /// The work tree of the repository that contains the context: absolute, symlinks resolved, no trailing `/`.
    package let workTree: String
    /// The context directory relative to ``workTree``; empty when the context is the work tree itself.
    package let contextPath: String
    /// Every submodule of the repository, nested ones included, with paths relative to ``workTree``, sorted by path.
    package let submodules: [GitSubmodule]
    /// The classification of the context root, the `parent` of its top-level entries.
    package let root: GitClassification

    /// Untracked and ignored files (and symlinks), and tracked files inside ignored directories, by path.
    let files: [String: GitClass]
    /// Directories git lists as a whole (`uniform`) and the directories above listed paths (`mixed`), by path.
    let directories: [String: GitClassification]
    /// Directories with a tracked file somewhere below them.
    let trackedDirectories: Set<String>

    init(
        workTree: String, contextPath: String, submodules: [GitSubmodule], root: GitClassification,
        files: [String: GitClass], directories: [String: GitClassification], trackedDirectories: Set<String>
    ) {
        self.workTree = workTree
        self.contextPath = contextPath
        self.submodules = submodules
        self.root = root
        self.files = files
        self.directories = directories
        self.trackedDirectories = trackedDirectories
    }

    /// Classifies the entry at `path` given the classification of its parent directory.
    ///
    /// Below a `uniform` parent this costs one suffix check; below a `mixed` one, one hash lookup. A walker classifies
    /// a top-level entry with ``root`` as `parent` and passes each directory's result down to its children.
    package func classify(path: String, isDirectory: Bool, parent: GitClassification) -> GitClassification {
        switch parent {
        case .uniform(.vcs):
            return parent
        case .uniform:
            return Self.isGitEntry(path) ? .uniform(.vcs) : parent
        case .mixed(let unlisted):
            if Self.isGitEntry(path) { return .uniform(.vcs) }
            if isDirectory { return directories[path] ?? .uniform(unlisted) }
            return .uniform(files[path] ?? unlisted)
        }
    }

    /// Whether git tracks at least one file somewhere below `directory` (context-relative). A directory of sources
    /// is not a build output just because of its name.
    package func holdsTrackedFiles(directory: String) -> Bool {
        trackedDirectories.contains(directory)
    }

    /// Classifies the entry at `path` by classifying each of its parent directories from the root down.
    ///
    /// For single questions; a walker should use ``classify(path:isDirectory:parent:)`` and propagate.
    package func classify(path: String, isDirectory: Bool) -> GitClassification {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var current = root
        var prefix = ""
        for (index, component) in components.enumerated() {
            prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
            let isLast = index == components.count - 1
            current = classify(path: prefix, isDirectory: isLast ? isDirectory : true, parent: current)
        }
        return current
    }

    /// Whether the last component of `path` is `.git`.
    private static func isGitEntry(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.count >= 4 else { return false }
        let suffix = bytes.suffix(5)
        if suffix.count == 5 {
            return suffix.elementsEqual("/.git".utf8)
        }
        return suffix.elementsEqual(".git".utf8)
    }
}
