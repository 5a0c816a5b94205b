extension ContextSource {
    /// How a context path stands to what a source names, for telling whether a source found anything.
    package enum Relation: Equatable, Sendable {
        /// The path is something the source names (`exact`), or lies below such a thing.
        case matches(exact: Bool)
        /// The path is a directory on the way to something the source may name.
        case ancestor
        case unrelated
    }

    /// How many `**` segments the source has.
    package var anyDepthSegments: Int { segments.count(where: \.isAnyDepth) }

    /// The number of segments of every path the source names exactly; nil when a `**` segment matches any depth.
    package var fixedDepth: Int? { segments.contains(where: \.isAnyDepth) ? nil : segments.count }

    /// How the cleaned, context-relative `path` (given as its segments) relates to this source. A wildcard segment
    /// matches one path segment as Go's `filepath.Match` does; `**` any number of them.
    package func relation(to path: [Substring]) -> Relation {
        Self.relation(segments[...], path[...])
    }

    private static func relation(_ patterns: ArraySlice<SegmentPattern>, _ path: ArraySlice<Substring>) -> Relation {
        guard let pattern = patterns.first else {
            return .matches(exact: path.isEmpty)
        }
        guard let first = path.first else {
            return patterns.allSatisfy(\.isAnyDepth) ? .matches(exact: true) : .ancestor
        }
        if pattern.isAnyDepth {
            let skipping = relation(patterns.dropFirst(), path)
            if case .matches(exact: true) = skipping { return skipping }
            let consuming = relation(patterns, path.dropFirst())
            switch (skipping, consuming) {
            case (.matches(exact: true), _), (_, .matches(exact: true)): return .matches(exact: true)
            case (.matches, _), (_, .matches): return .matches(exact: false)
            case (.ancestor, _), (_, .ancestor): return .ancestor
            default: return .unrelated
            }
        }
        guard pattern.matches(first) else { return .unrelated }
        return relation(patterns.dropFirst(), path.dropFirst())
    }
}
