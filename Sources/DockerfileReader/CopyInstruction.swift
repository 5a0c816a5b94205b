/// The arguments of a `COPY` or `ADD` instruction, as written (before variable substitution).
package struct CopyInstruction: Equatable, Sendable {
    /// True for `ADD`, which also accepts URLs and git repositories as sources.
    package let isAdd: Bool
    /// Source words that are paths, URLs or git references, in order.
    package let sources: [String]
    /// Names of heredoc sources (`COPY <<EOF /dst`); these never come from the build context.
    package let heredocSources: [String]
    package let destination: String
    /// `--from`: a stage name, stage index, image or named build context.
    package let from: String?
    /// `--exclude` patterns, in order (the flag is repeatable).
    package let excludes: [String]
    package let chown: String?
    package let chmod: String?
    package let link: Bool
    package let parents: Bool
    /// `ADD --keep-git-dir`, `--checksum` and `--unpack`; nil when not given.
    package let keepGitDir: Bool?
    package let checksum: String?
    package let unpack: Bool?
}
