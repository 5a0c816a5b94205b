import GitClassifier

/// What the per-directory checks know about a directory once its whole subtree has been walked.
package struct DirectoryFacts: Sendable, Hashable {
    /// Path relative to the context root, `/`-separated.
    package var path: String
    /// Regular files that would be sent from the subtree.
    package var sentFiles: Int
    /// Bytes of those files.
    package var sentBytes: Int64
    /// How git sees the directory itself; nil when the context is in no repository.
    package var gitClass: GitClass?
    /// Whether git tracks at least one file in the subtree.
    package var tracksAnything: Bool
    /// Project files found next to the directory (in its parent). `CheckRun` adds those it saw as entries.
    package var siblingMarkers: ProjectMarkers

    package init(
        path: String, sentFiles: Int, sentBytes: Int64, gitClass: GitClass? = nil, tracksAnything: Bool = false,
        siblingMarkers: ProjectMarkers = []
    ) {
        self.path = path
        self.sentFiles = sentFiles
        self.sentBytes = sentBytes
        self.gitClass = gitClass
        self.tracksAnything = tracksAnything
        self.siblingMarkers = siblingMarkers
    }

    /// The last path component.
    package var name: Substring { ContextPath.name(of: path) }
}
