import GitClassifier

/// The git status of the repository `--all` walks, captured once and handed to every build context of the same work
/// tree (``GitStatusSnapshot/rebased(to:)``): fifty builds ask libgit2 once, not fifty times. A context in a nested
/// repository or a submodule, or any context when the capture failed, captures its own.
struct RepositoryStatus {
    let root: String
    let enabled: Bool
    let timeout: Duration?
    private var captured: GitCapture??

    init(root: String, enabled: Bool, timeout: Duration?) {
        self.root = root
        self.enabled = enabled
        self.timeout = timeout
    }

    /// The status of `contextRoot` (a real path below the walk root) from the one capture, or nil when the context
    /// must capture its own.
    mutating func status(of contextRoot: String) -> GitStatusSnapshot? {
        guard enabled else { return nil }
        if captured == nil { captured = .some(GitCapture.capture(directory: root, displayPath: ".", timeout: timeout)) }
        guard let capture = captured ?? nil, capture.diagnostic == nil, let snapshot = capture.snapshot,
            let relative = BuildContext.relative(contextRoot, to: root),
            GitStatusSnapshot.workTreeRoot(of: contextRoot) == snapshot.workTree
        else { return nil }
        return snapshot.rebased(to: relative == "." ? "" : relative)
    }
}
