/// An entry the walker could not read, from its diagnostics.
package struct UnreadableEntry: Sendable, Hashable {
    /// Path relative to the context root.
    package var path: String
    /// What failed, as the walker words it, such as `open: Permission denied (EACCES)`.
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
