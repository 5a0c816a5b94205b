/// The git class of a context entry and, for a directory, whether its whole subtree shares that class.
///
/// A walker passes a directory's classification down as `parent` to
/// ``GitStatusSnapshot/classify(path:isDirectory:parent:)``; below a `uniform` directory no table lookup happens.
package enum GitClassification: Sendable, Hashable {
    /// The entry has this class, and so does every entry below it (apart from `.git` entries, which are `vcs`).
    case uniform(GitClass)
    /// A directory whose entries differ: each child needs its own lookup. Children git does not list have class
    /// `unlisted`: `tracked`, or `ignored` in a directory that the ignore rules match but that holds tracked files.
    /// Git itself gives directories no class.
    case mixed(unlisted: GitClass)

    /// The entry's class, or nil for a mixed directory.
    package var gitClass: GitClass? {
        if case .uniform(let gitClass) = self { return gitClass }
        return nil
    }

    /// Whether the entries below this directory need lookups.
    package var isMixed: Bool {
        if case .mixed = self { return true }
        return false
    }
}
