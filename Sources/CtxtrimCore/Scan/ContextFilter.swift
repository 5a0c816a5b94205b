import ContextWalker
import DockerIgnore
import GitClassifier
import UntrustedText

/// The walk filter of a build context: BuildKit's ignore-file decision, plus the git class of every entry.
///
/// Excluded directories are skipped when Docker prunes them or when the engine proves nothing below can be sent;
/// the listing is identical to Docker's either way, only faster.
package struct ContextFilter: WalkFilter {
    /// What a directory hands down to its entries.
    package struct State: Sendable {
        /// BuildKit's per-pattern parent results.
        package var ignore: ParentMatches
        /// The ignore-file rule that decided this entry, if any (for the lint's rule usage).
        package var decidingRule: Int? = nil
        /// How git sees the entry; nil outside a repository.
        package var git: GitClassification?
        /// Whether the parent directory is git-ignored as a whole (so this entry is not an outermost ignored one).
        package var parentIgnored = false
        /// FollowPaths results, when the Dockerfile names only parts of the context.
        package var transfer: ParentMatches?
        /// Whether BuildKit transfers this entry for the Dockerfile (a FollowPaths pattern matches it or an ancestor).
        package var transferred = true
        /// For an excluded directory: whether BuildKit prunes it (`IgnoreMatcher.Decision.dockerPrunes`); entries
        /// below a skipped directory keep its value.
        package var dockerPrunes = false
        /// Whether the parent directory is excluded (so an excluded entry is not an outermost excluded one).
        package var parentExcluded = false
        /// Whether the entry lies below a directory the checks report as a whole (see `QuietDirectories`).
        package var insideQuietDirectory = false
        /// Whether this entry is such a directory or lies below one.
        package var quietsChildren = false
    }

    package let matcher: IgnoreMatcher
    package let git: GitStatusSnapshot?
    /// The Dockerfile's sources as patterns; nil when everything eligible is transferred.
    package let transferMatcher: IgnoreMatcher?
    /// Which directories the checks claim whole, so that the scan can skip the per-entry checks below them.
    package let quietDirectories: QuietDirectories?

    package init(
        matcher: IgnoreMatcher, git: GitStatusSnapshot?, transferMatcher: IgnoreMatcher? = nil,
        quietDirectories: QuietDirectories? = nil
    ) {
        self.matcher = matcher
        self.git = git
        self.transferMatcher = transferMatcher
        self.quietDirectories = quietDirectories
    }

    package var rootState: State {
        State(ignore: .root, git: git?.root, transfer: transferMatcher == nil ? nil : .root)
    }

    package func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: State) throws -> FilterDecision<
        State
    > {
        let isDirectory = kind == .directory
        let decision = try matcher.decide(path, isDirectory: isDirectory, parent: parent.ignore)
        let verdict: FilterVerdict
        if !decision.excluded {
            verdict = .send
        } else if isDirectory
            && (decision.dockerPrunes || matcher.nothingSentBelow(directory: path, state: decision.state))
        {
            verdict = .skip
        } else {
            verdict = .exclude
        }
        var state = State(ignore: decision.state, git: classify(path, isDirectory, parent.git))
        state.decidingRule = decision.decidingRule
        state.dockerPrunes = decision.dockerPrunes
        state.parentExcluded = parent.ignore.excluded
        state.parentIgnored = parent.git?.gitClass == .ignored
        state.insideQuietDirectory = parent.quietsChildren
        state.quietsChildren =
            parent.quietsChildren
            || (isDirectory && verdict != .skip
                && quietDirectories?.claims(LosslessUTF8.decode(path), gitClass: state.git?.gitClass)
                    == true)
        if let transferMatcher, let parentTransfer = parent.transfer {
            let follow = try transferMatcher.decide(path, isDirectory: isDirectory, parent: parentTransfer)
            state.transfer = follow.state
            state.transferred = follow.excluded
        }
        return FilterDecision(verdict, state: state)
    }

    /// The git class, computed without building a String unless the parent directory needs a table lookup.
    private func classify(_ path: UnsafeBufferPointer<UInt8>, _ isDirectory: Bool, _ parent: GitClassification?)
        -> GitClassification?
    {
        guard let git, let parent else { return nil }
        switch parent {
        case .uniform(.vcs):
            return parent
        case .uniform:
            return Self.isGitEntry(path) ? .uniform(.vcs) : parent
        case .mixed:
            return git.classify(path: LosslessUTF8.decode(path), isDirectory: isDirectory, parent: parent)
        }
    }

    private static let dotGit: [UInt8] = Array(".git".utf8)

    /// Whether the last component is `.git`.
    static func isGitEntry(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = path.count
        guard count >= 4 else { return false }
        for offset in 0..<4 where path[count - 4 + offset] != dotGit[offset] { return false }
        return count == 4 || path[count - 5] == UInt8(ascii: "/")
    }
}
