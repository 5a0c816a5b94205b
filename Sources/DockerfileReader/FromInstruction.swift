/// The arguments of `FROM [--platform=...] image [AS name]`, as written.
package struct FromInstruction: Equatable, Sendable {
    /// The image reference or earlier stage name, before global `ARG` substitution.
    package let image: String
    /// The stage name after `AS`, lower-cased as BuildKit does.
    package let stageName: String?
    /// The `--platform` value, if given.
    package let platform: String?
    /// The `AS` word as written (`as`, `AS`), nil without a stage name.
    package var writtenAs: String? = nil
    /// The stage name as written, before lower-casing.
    package var writtenStageName: String? = nil
}
