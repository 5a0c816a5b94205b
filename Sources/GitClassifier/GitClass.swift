/// How git sees one entry of the build context.
package enum GitClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// In the index (committed or staged), modified or not.
    case tracked
    /// In the work tree, not in the index, and not ignored.
    case untracked
    /// Matched by a `.gitignore` rule (or `info/exclude`, `core.excludesFile`) and not in the index.
    case ignored
    /// Inside a `.git` directory, or a `.git` file: git's own data, in no other class.
    case vcs
}
