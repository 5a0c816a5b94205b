import ContextWalker

/// An entry the walker could not read, from its diagnostics.
package struct UnreadableEntry: Sendable, Hashable {
    /// Path relative to the context root.
    package var path: String
    /// What failed, as the walker words it, such as `open: Permission denied (EACCES)`.
    package var reason: String
    /// What the walker saw there: a file it could not open, a directory it could not list, ...
    package var kind: EntryKind

    package init(path: String, reason: String, kind: EntryKind) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }
}
