/// How `ctxtrim fix` writes the ignore file.
package enum FixStrategy: String, Sendable, CaseIterable {
    /// Exclude what the findings flag (by kind where a kind is proven), git-ignored files and what no build reads.
    case deny
    /// `*` and one exact `!` exception per path the builds read.
    case allow
    /// Plan both and write the better: `deny` when a build copies the whole context, else the allow list when it
    /// is no longer than the deny list. The plan's `choice` says why.
    case auto

    /// The strategy `fix` uses when none is asked for.
    package static let `default` = FixStrategy.auto
}
