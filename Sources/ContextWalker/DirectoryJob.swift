/// A directory handed to whichever worker takes it: the worker opens it by its path relative to the root.
@usableFromInline
struct DirectoryJob<State: Sendable>: Sendable {
    @usableFromInline let node: DirectoryNode<State>
    /// Relative to the root; empty for the root itself.
    @usableFromInline let path: [UInt8]

    @inlinable
    init(node: DirectoryNode<State>, path: [UInt8]) {
        self.node = node
        self.path = path
    }
}
