/// One path that libgit2's status lists as untracked or ignored, as the repository sees it.
struct StatusEntry: Sendable, Hashable {
    /// Relative to the repository's work tree; a directory listed as a whole ends with `/`.
    let path: String
    /// `untracked` or `ignored`.
    let gitClass: GitClass
}
