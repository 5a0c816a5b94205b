/// A verified multi-stage version of a single-stage Dockerfile: the new text, what it was recognised as, what was
/// decided and why, and what the rewrite leaves to the user. Only a proposal that passed ``RewriteVerifier`` is made.
package struct DockerfileRewrite: Sendable, Equatable {
    package let ecosystem: RewriteEcosystem
    /// The Dockerfile as it is now.
    package let original: String
    /// The proposed Dockerfile.
    package let text: String
    /// Each choice made (runtime image, cache mounts, flags), with its reason.
    package let decisions: [String]
    /// What the rewrite does not do or cannot know, for the user to check (for example a file the program reads at
    /// run time that is not part of the artifact).
    package let caveats: [String]
    /// The checks the proposal passed, as sentences.
    package let verified: [String]

    /// Whether the proposal differs from the Dockerfile as it is.
    package var changes: Bool { text != original }
}
