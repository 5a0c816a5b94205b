/// Which patterns matched a directory during a top-down walk (BuildKit's `MatchInfo`), handed to its entries.
///
/// A value type: one inline word for up to 64 patterns, an array beyond. `root` is the empty value for top-level
/// entries; it is not the same as "no pattern matched", because with it an entry's ancestors are checked too.
package struct ParentMatches: Equatable, Sendable {
    /// The value for entries directly in the context root.
    package static let root = ParentMatches(isRoot: true, excluded: false, patternCount: 0)

    /// `true` only for `root`.
    package let isRoot: Bool
    /// Whether the directory this state belongs to was excluded.
    package let excluded: Bool
    private var word: UInt64 = 0
    private var extraWords: [UInt64]

    init(isRoot: Bool, excluded: Bool, patternCount: Int) {
        self.isRoot = isRoot
        self.excluded = excluded
        extraWords = patternCount > 64 ? [UInt64](repeating: 0, count: (patternCount - 1) / 64) : []
    }

    /// Whether pattern `index` matched (or was inherited as matched).
    @inline(__always)
    package func matched(_ index: Int) -> Bool {
        if index < 64 { return word & (1 << UInt64(index)) != 0 }
        return extraWords[index / 64 - 1] & (1 << UInt64(index % 64)) != 0
    }

    @inline(__always)
    mutating func setMatched(_ index: Int) {
        if index < 64 {
            word |= 1 << UInt64(index)
        } else {
            extraWords[index / 64 - 1] |= 1 << UInt64(index % 64)
        }
    }

    func with(excluded: Bool) -> ParentMatches {
        var copy = ParentMatches(isRoot: false, excluded: excluded, patternCount: 0)
        copy.word = word
        copy.extraWords = extraWords
        return copy
    }
}
