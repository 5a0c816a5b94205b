/// How `ctxtrim fix` writes the ignore file.
package enum FixStrategy: String, Sendable, CaseIterable {
    /// Exclude what the findings flag, git-ignored files and what the Dockerfile never reads.
    case deny
    /// `*` and one exact `!` exception per path the Dockerfile reads.
    case allow
    /// `allow` when no source copies the whole context, else `deny`.
    case auto
}
