/// A secret found in a file's content, described without its value.
package struct SecretMatch: Sendable, Hashable {
    package let kind: SecretKind
    /// 1-based line of the secret's first byte.
    package let line: Int
    /// A redacted hint such as `ghp_****…`: at most the first four characters of the anchor.
    package let hint: String
}
