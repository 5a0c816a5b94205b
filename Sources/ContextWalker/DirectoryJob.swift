/// A directory handed to whichever worker takes it: the worker opens it by its path relative to the root.
struct DirectoryJob<State: Sendable>: Sendable {
    let node: DirectoryNode<State>
    /// Relative to the root; empty for the root itself.
    let path: [UInt8]
}
