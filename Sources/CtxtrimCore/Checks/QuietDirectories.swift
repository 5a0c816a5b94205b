import GitClassifier

/// Directories whose whole subtree the checks will report as one finding (installed dependencies, version-control
/// data): `dependency-dir` or `vcs-dir` claims them, claimed findings of other checks are dropped, and the secret
/// checks never look inside vendored paths. Entries below such a directory can skip the per-entry checks entirely,
/// which is most of a scan's work when a context has no ignore file.
///
/// Decided when the walk enters the directory, from its name, git class and whether git tracks anything below it;
/// the claim itself also needs a sent file below, so a dependency directory holding only symlinks is the one case
/// where skipping could hide a finding (a `symlink-outside-context` inside it).
package struct QuietDirectories: Sendable {
    private let dependencyDirectories: Bool
    private let versionControl: Bool
    private let git: GitStatusSnapshot?

    /// For a run of the checks in `enabledIDs` (all when nil), with the context's git snapshot.
    package init(enabledIDs: Set<CheckID>?, git: GitStatusSnapshot?) {
        dependencyDirectories = enabledIDs?.contains(DependencyDirectoryCheck.descriptor.id) ?? true
        versionControl = enabledIDs?.contains(VCSDirectoryCheck.descriptor.id) ?? true
        self.git = git
    }

    /// Whether the directory at `path` (context-relative) will be claimed as a whole.
    package func claims(_ path: String, gitClass: GitClass?) -> Bool {
        guard dependencyDirectories || versionControl else { return false }
        let facts = DirectoryFacts(
            path: path, sentFiles: 1, sentBytes: 0, gitClass: gitClass,
            tracksAnything: git?.holdsTrackedFiles(directory: path) ?? false)
        if versionControl && VCSDirectoryCheck().check(facts) != nil { return true }
        return dependencyDirectories && DependencyDirectoryCheck().check(facts) != nil
    }
}
