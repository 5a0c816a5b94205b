/// A check that looks at a directory once its subtree is walked. A finding claims the subtree: nested findings of
/// checks that yield to claimed directories are dropped, so a directory is reported once, with all its bytes.
package protocol DirectoryCheck: Check {
    /// The finding for `directory`, or nil when it is fine.
    func check(_ directory: DirectoryFacts) -> Finding?
}
