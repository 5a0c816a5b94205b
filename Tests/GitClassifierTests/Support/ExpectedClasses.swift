import Foundation
import TestSupport

@testable import GitClassifier

/// The class of every file of a context as the `git` CLI sees it, computed without libgit2.
///
/// Tracked files come from `git ls-files`, untracked ones from `git ls-files --others --exclude-standard` and ignored
/// ones from `git ls-files --others --ignored --exclude-standard --directory`, run in the repository and in each
/// checked-out submodule; paths inside `.git` are `vcs`.
struct ExpectedClasses {
    private var tracked: Set<String> = []
    private var untrackedFiles: Set<String> = []
    private var untrackedDirectories: [String] = []
    private var ignoredFiles: Set<String> = []
    private var ignoredDirectories: [String] = []
    /// Submodule directories relative to the work tree, with a trailing `/`.
    private var submodules: [String] = []

    /// Lists the repository whose work tree is at `workTree` (a sandbox-relative path) and its checked-out submodules.
    init(sandbox: TemporaryTree, workTree: String) throws {
        try list(sandbox: sandbox, repository: workTree, prefix: "")
    }

    private mutating func list(sandbox: TemporaryTree, repository: String, prefix: String) throws {
        let inRepository = { (path: String) in repository.isEmpty ? path : repository + "/" + path }
        let submodulePaths = try GitRepository(at: sandbox.path(repository)).paths(["ls-files", "-z", "--stage"])
            .filter { $0.hasPrefix("160000 ") }
            .map { String($0.split(separator: "\t", maxSplits: 1)[1]) }
        for path in try GitRepository(at: sandbox.path(repository)).paths(["ls-files", "-z"])
        where !submodulePaths.contains(path) {
            tracked.insert(prefix + path)
        }
        for path in try GitRepository(at: sandbox.path(repository)).paths([
            "ls-files", "-z", "--others", "--exclude-standard",
        ]) {
            if path.hasSuffix("/") {
                untrackedDirectories.append(prefix + path)
            } else {
                untrackedFiles.insert(prefix + path)
            }
        }
        let ignoredArguments = ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]
        for path in try GitRepository(at: sandbox.path(repository)).paths(ignoredArguments) {
            if path.hasSuffix("/") {
                ignoredDirectories.append(prefix + path)
            } else {
                ignoredFiles.insert(prefix + path)
            }
        }
        for path in submodulePaths {
            let directory = inRepository(path)
            guard FileManager.default.fileExists(atPath: sandbox.path(directory + "/.git")) else { continue }
            submodules.append(prefix + path + "/")
            try list(sandbox: sandbox, repository: directory, prefix: prefix + path + "/")
        }
    }

    /// The class of the file at `path`, relative to the work tree; nil when git lists it nowhere.
    func gitClass(of path: String) -> GitClass? {
        if path.split(separator: "/").contains(".git") { return .vcs }
        if tracked.contains(path) { return .tracked }
        if ignoredFiles.contains(path) || ignoredDirectories.contains(where: { path.hasPrefix($0) }) { return .ignored }
        if untrackedFiles.contains(path) || untrackedDirectories.contains(where: { path.hasPrefix($0) }) {
            return .untracked
        }
        return nil
    }
}
