import DockerIgnore
import DockerfileReader

#if canImport(Glibc)
    import Glibc
#endif

/// A context source of the target build that docker build cannot read: it is absent from the context, or the ignore
/// file keeps it out.
package struct SourceProblem: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// Nothing at that path in the context (a literal source): docker build fails with "not found".
        case missing
        /// It exists but is not sent: `excludedPath` (the source itself, an entry a wildcard names, or the directory
        /// above it that is not entered) is excluded by the ignore-file rule at index `rule`.
        case ignored(excludedPath: String, rule: IgnoreRule?)
    }

    package let source: ContextSource
    package let kind: Kind

    /// The problems of the sources the walk found nothing sent for.
    ///
    /// A literal source is looked up under `root` with `lstat` component by component, never through a symbolic
    /// link (a link on the way gives no finding): absent means missing; present means the ignore file excludes it,
    /// and `matcher` says which rule. A wildcard that names nothing sent is a problem only when it names something
    /// excluded (or its directory is not entered): BuildKit's COPY allows a wildcard that matches nothing
    /// (`AllowEmptyWildcard` in `dockerfile2llb/convert_copy.go`), so a wildcard with no match at all is fine.
    package static func find(in sightings: SourceSightings, root: String, matcher: IgnoreMatcher?) -> [SourceProblem] {
        var problems: [SourceProblem] = []
        for (index, source) in sightings.sources.enumerated() {
            guard !sightings.found[index], !sightings.throughLinks.contains(index) else { continue }
            let seen = sightings.excludedMatches[index] ?? sightings.prunedAncestors[index]
            if source.isWildcard {
                if let seen {
                    let rule = seen.decidingRule.flatMap { matcher?.file.rules[$0] }
                    problems.append(SourceProblem(source: source, kind: .ignored(excludedPath: seen.path, rule: rule)))
                }
                continue
            }
            switch ContextLookup.lstat(source.pattern, under: root) {
            case .absent:
                problems.append(SourceProblem(source: source, kind: .missing))
            case .present(let isDirectory):
                guard let matcher, let decision = decidingRule(source.pattern, isDirectory, matcher) else { continue }
                problems.append(
                    SourceProblem(
                        source: source,
                        kind: .ignored(excludedPath: decision.path, rule: decision.rule.map { matcher.file.rules[$0] }))
                )
            case .unknown:
                continue
            }
        }
        return problems
    }

    /// The entry that keeps `path` out (itself, or the first ancestor BuildKit does not enter) and the rule that
    /// excludes it; nil when the ignore file sends it after all.
    private static func decidingRule(
        _ path: String, _ isDirectory: Bool, _ matcher: IgnoreMatcher
    ) -> (path: String, rule: Int?)? {
        var state = ParentMatches.root
        let segments = path.split(separator: "/")
        for count in 1..<max(segments.count, 1) {
            let ancestor = segments[..<count].joined(separator: "/")
            guard let decision = try? matcher.decide(ancestor, isDirectory: true, parent: state) else { return nil }
            if decision.dockerPrunes { return (ancestor, decision.decidingRule) }
            state = decision.state
        }
        guard let decision = try? matcher.decide(path, isDirectory: isDirectory, parent: state), decision.excluded
        else { return nil }
        return (path, decision.decidingRule)
    }
}

/// What `lstat` says of a context-relative path, component by component, without following a symbolic link.
enum ContextLookup: Equatable {
    case absent
    case present(isDirectory: Bool)
    /// A symbolic link or an unreadable directory on the way.
    case unknown

    /// Calls `lstat(2)` on each prefix of `path` under `root`; a missing component (`ENOENT`, or `ENOTDIR` for a
    /// file used as a directory) is `absent`.
    static func lstat(_ path: String, under root: String) -> ContextLookup {
        var current = root
        let segments = path.split(separator: "/")
        for (position, segment) in segments.enumerated() {
            current += "/" + segment
            var info = stat()
            guard Glibc.lstat(current, &info) == 0 else {
                return errno == ENOENT || errno == ENOTDIR ? .absent : .unknown
            }
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { return .unknown }
            if position < segments.count - 1 && type != S_IFDIR { return .absent }
            if position == segments.count - 1 { return .present(isDirectory: type == S_IFDIR) }
        }
        return .unknown
    }
}
