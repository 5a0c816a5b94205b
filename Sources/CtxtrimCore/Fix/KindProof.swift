import DockerIgnore

/// Proves a kind pattern against the walked tree before the planner writes it: every sent entry it would exclude
/// must be one the plan excludes anyway (a member, or below an excluded path) or one the user's own later lines
/// decide; an entry of a file kind that must stay (a template `.env.example`, a tracked or copied file) is kept with
/// an exact `!path` exception, at most ``maxExceptions`` of them.
struct KindProof {
    static let maxExceptions = 3
    /// The sent entries of watched names, from the scan.
    var names: SentNames
    /// Every path the plan excludes.
    var chosen: Set<String>
    var userMatcher: IgnoreMatcher?

    /// What a proven kind covers: the members it excludes and the exceptions it needs.
    struct Proven {
        var covers: [String]
        var exceptions: [String]
    }

    /// Nil when the kind excludes no member, cannot be proven (a name too common to count), or would exclude an
    /// entry it may not.
    func prove(_ kind: FixKind, members: [FixPlanner.Candidate]) throws -> Proven? {
        let matcher = try kind.matcher()
        let covers = try members.map(\.entry.path).filter { try matcher.excluded($0).excluded }
        guard !covers.isEmpty, let sent = kind.sentEntries(in: names) else { return nil }
        var exceptions: [String] = []
        for path in sent.sorted() where try matcher.excluded(path).excluded {
            if chosen.contains(path) || FixPlanner.hasAncestor(path, in: chosen) { continue }
            if let userMatcher, try FixPlanner.userDecides(path, userMatcher) { continue }
            guard kind.isFileKind, exceptions.count < Self.maxExceptions, FixPlanner.patternText(path) != nil else {
                return nil
            }
            exceptions.append(path)
        }
        return Proven(covers: covers, exceptions: exceptions)
    }
}
