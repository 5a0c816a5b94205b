import ContextWalker

/// The block `ctxtrim fix` proposes: groups of patterns, each with a comment saying what it saves.
package struct FixPlan: Sendable, Equatable {
    /// Patterns excluding entries for one reason.
    package struct Group: Sendable, Equatable {
        /// Such as "dependencies" or "never read by the Dockerfile".
        package var reason: String
        package var patterns: [String]
        package var entries: Int
        package var files: Int
        package var bytes: Int64
    }

    /// A flagged entry left in the context because an explicit Dockerfile source needs it.
    package struct Kept: Sendable, Equatable {
        package var path: String
        package var reason: String
        /// The line of the source that needs it, for the message.
        package var sourceLine: Int
        /// True when the source names the entry itself or something above it (`COPY dist /app`); false when it only
        /// may read something inside it (`COPY */package.json .` keeps every top-level directory).
        package var copied = true
    }

    package var strategy: FixStrategy
    package var groups: [Group]
    /// For `allow`: the exceptions after `*`.
    package var allowed: [String] = []
    package var kept: [Kept] = []
    /// Secrets the Dockerfile itself copies: errors, left alone.
    package var problems: [Finding] = []
    /// Whether kind patterns were used (the verifier retries without them if they over-reach).
    package var folded = false
    /// The kind patterns among the groups' lines (`**/*.swp`, `**/node_modules`): each proven against the walked
    /// tree to exclude only entries the plan means to keep out, so they may exclude more than the flagged
    /// instances only once new entries of the kind appear.
    package var kindPatterns: [String] = []
    /// Why this strategy: "asked for", or what `auto` weighed (for the report to print).
    package var choice = ""

    /// Records an entry left in the context, once.
    mutating func keep(_ entry: Kept) {
        if !kept.contains(where: { $0.path == entry.path }) { kept.append(entry) }
    }

    /// Files and bytes the plan means to keep out (candidates do not overlap).
    package var plannedFiles: Int { groups.reduce(0) { $0 + $1.files } }
    package var plannedBytes: Int64 { groups.saturatingSum(\.bytes) }

    /// Pattern lines (no comments).
    package var patternCount: Int {
        strategy == .allow ? (allowed.isEmpty ? 0 : allowed.count + 1) : groups.reduce(0) { $0 + $1.patterns.count }
    }

    /// The block's lines: a comment per group, then its patterns.
    package var lines: [String] {
        if strategy == .allow {
            guard !allowed.isEmpty else { return [] }
            return [
                "# allow list: only what the Dockerfile reads (\(allowed.count) \(allowed.count == 1 ? "path" : "paths"))",
                "*",
            ]
                + allowed.map { "!" + $0 }
        }
        var lines: [String] = []
        for group in groups where !group.patterns.isEmpty {
            let entries = "\(group.entries) \(group.entries == 1 ? "entry" : "entries")"
            let files = TextLayout.count(group.files, "file")
            lines.append("# \(group.reason): \(entries), \(files), \(ByteCount.format(group.bytes))")
            lines += group.patterns
        }
        return lines
    }
}
