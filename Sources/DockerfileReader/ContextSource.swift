/// One source that reads from a build context: a `COPY`/`ADD` source or a `RUN --mount=type=bind` without `from`
/// (the main context), or a `COPY --from=NAME`, a bind mount `from=NAME` or a `FROM NAME` of a named context.
package struct ContextSource: Equatable, Sendable {
    package enum Origin: String, Equatable, Sendable {
        case copy
        case add
        case bindMount
        /// `FROM NAME` of a named context: the stage starts from the whole context.
        case base
    }

    /// How much of the context the source reads.
    ///
    /// `.root` is `.`, `/`, `./`, `..` and the like: the context directory itself. `.everyTopLevelEntry` is a
    /// wildcard made only of `*` at the root (`*`, `**`): Go's `filepath.Match` lets `*` match every name, hidden
    /// ones included, so it reads every file of the context just as `.root` does; only the root directory's own
    /// metadata is not copied. Both mean "everything"; `.subset` is any other source.
    package enum Scope: String, Equatable, Sendable {
        case root
        case everyTopLevelEntry
        case subset
    }

    /// The source after variable substitution and cleaning, relative to the context root (`.` for the root).
    package let pattern: String
    /// The source after variable substitution, before cleaning.
    package let written: String
    package let origin: Origin
    /// The line where the instruction starts.
    package let line: Int
    package let stageIndex: Int
    /// True when the pattern has an unescaped `*`, `?` or `[` and is matched with Go's `filepath.Match` rules.
    package let isWildcard: Bool
    package let scope: Scope
    /// `--exclude` patterns after variable substitution, as written.
    package let excludes: [String]
    /// Variables the source used that had no value (base-image `ENV`s, unset build arguments): the real source may
    /// differ from `pattern`.
    package let unresolvedVariables: [String]

    /// The named build context the source reads (`--build-context NAME=...`); nil for the main context.
    package var namedContext: String?

    let segments: [SegmentPattern]

    /// Nil when a wildcard segment is malformed.
    init?(
        written: String, origin: Origin, line: Int, stageIndex: Int, excludes: [String], unresolvedVariables: [String],
        treatsWildcards: Bool, namedContext: String? = nil
    ) {
        let parts = ContextPath.segments(of: written)
        let isWildcard = treatsWildcards && ContextPath.containsWildcards(written)
        var segments: [SegmentPattern] = []
        for part in parts {
            if isWildcard {
                guard let compiled = SegmentPattern(wildcard: part) else { return nil }
                segments.append(compiled)
            } else {
                segments.append(SegmentPattern(literal: part))
            }
        }
        self.pattern = parts.isEmpty ? "." : parts.joined(separator: "/")
        self.written = written
        self.origin = origin
        self.line = line
        self.stageIndex = stageIndex
        self.isWildcard = isWildcard
        self.excludes = excludes
        self.unresolvedVariables = unresolvedVariables
        self.segments = segments
        self.namedContext = namedContext
        if parts.isEmpty {
            scope = .root
        } else if isWildcard, parts.count == 1, parts[0].allSatisfy({ $0 == "*" }) {
            scope = .everyTopLevelEntry
        } else {
            scope = .subset
        }
    }

    /// True when the source covers the whole context (see `Scope`).
    package var referencesEverything: Bool { scope != .subset }

    /// Whether building would need the context-relative `path` for this source.
    ///
    /// True when `path` is the source, lies below it, matches it segment by segment (for wildcards), or is an
    /// ancestor directory of something the source may match. `--exclude` patterns are not applied: a path they
    /// exclude still counts as needed, so a caller that excludes only unneeded paths stays safe. A `**` segment
    /// matches any depth, so every path below where it starts counts as a possible ancestor.
    package func references(path: String) -> Bool {
        if referencesEverything { return true }
        let target = ContextPath.segments(of: path)
        return Self.matches(segments[...], target[...])
    }

    private static func matches(_ patterns: ArraySlice<SegmentPattern>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = path.first else { return true }
        guard let pattern = patterns.first else { return true }
        if pattern.isAnyDepth {
            return matches(patterns.dropFirst(), path) || matches(patterns, path.dropFirst())
        }
        return pattern.matches(first) && matches(patterns.dropFirst(), path.dropFirst())
    }
}
