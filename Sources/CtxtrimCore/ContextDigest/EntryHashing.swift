import ContextWalker

/// One entry's digest input, made at most once however many builds of the walk transfer it: the walker thread's
/// ``ContentHasher`` and what it found for the entry being visited.
struct EntryHashing {
    let hasher: ContentHasher?
    private var found: Result<ContentHasher.Hashed, DigestProblem>?

    init(hasher: ContentHasher?) {
        self.hasher = hasher
    }

    /// What the digest records of `entry`; nil when the walk does not digest.
    mutating func result(for entry: WalkEntry) -> Result<ContentHasher.Hashed, DigestProblem>? {
        if found == nil, let hasher { found = hasher.hash(entry) }
        return found
    }
}
