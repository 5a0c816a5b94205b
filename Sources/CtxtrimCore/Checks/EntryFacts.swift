import ContextWalker
import GitClassifier

/// What the per-entry checks know about one sent entry of the build context.
package struct EntryFacts: Sendable, Hashable {
    /// Path relative to the context root, `/`-separated, without a leading `./`.
    package var path: String
    package var kind: EntryKind
    /// Size in bytes (of the link text for a symlink, 0 for a directory).
    package var size: Int64
    /// How git sees the entry; nil when the context is in no repository.
    package var gitClass: GitClass?
    /// The text of the link, for a symlink.
    package var linkTarget: String?
    /// Whether BuildKit transfers the entry for this Dockerfile (`ContextFilter.State.transferred`): always when
    /// a source copies the whole context or there is no Dockerfile, else when an explicit source reads it.
    package var transferred: Bool
    /// The user's ignore-file `!` line that re-includes the entry (it decided the entry's verdict), if any.
    package var reincludedBy: IgnoreLine?

    /// A line of an ignore file: its name as written (`.dockerignore`) and 1-based line number.
    package struct IgnoreLine: Sendable, Hashable {
        package var file: String
        package var line: Int

        package init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    package init(
        path: String, kind: EntryKind, size: Int64 = 0, gitClass: GitClass? = nil, linkTarget: String? = nil,
        transferred: Bool = true
    ) {
        self.path = path
        self.kind = kind
        self.size = size
        self.gitClass = gitClass
        self.linkTarget = linkTarget
        self.transferred = transferred
    }

    /// The last path component.
    package var name: Substring { ContextPath.name(of: path) }
}
