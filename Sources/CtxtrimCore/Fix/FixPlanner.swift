import ContextWalker
import DockerIgnore
import DockerfileReader
import UntrustedText

/// Turns a scan into the smallest ignore-file block that keeps out what should not be sent.
///
/// Candidates come from the findings (secrets, version control, dependencies, build output, junk, logs, unreadable
/// entries), from git (outermost git-ignored entries) and, when no source copies the whole context, from the
/// top-level entries the Dockerfile never reads. Whatever an explicit Dockerfile source reads is never excluded.
package enum FixPlanner {
    /// The checks whose findings fix excludes, with their group (`CheckDescriptor.fixReason`), in catalogue order:
    /// the order groups appear in; an entry flagged for several keeps the first.
    static let reasons: [(check: CheckID, reason: String)] = CheckCatalog.all.compactMap { descriptor in
        descriptor.fixReason.map { (descriptor.id, $0) }
    }
    /// The group of secrets: an entry the Dockerfile copies in it is reported as `secret-copied`.
    static let secretsReason = "secrets"
    static let gitIgnoredReason = "git-ignored"
    static let unreadReason = "never read by the Dockerfile"

    /// One entry to exclude and why.
    struct Candidate {
        var entry: ExclusionCandidate
        var reason: String
        var isSecret: Bool
    }

    /// The explicit source that needs `entry`, preferring one that copies it (names it or an ancestor) over one that
    /// may only read inside it (a directory on the way to a wildcard's matches). A file is never "on the way": only
    /// a source that copies it protects it.
    static func need(
        of entry: ExclusionCandidate, in builds: [DockerfileAnalysis]
    ) throws -> (source: ContextSource, copied: Bool)? {
        var inside: ContextSource?
        for source in builds.flatMap(\.explicitSources) where source.references(path: entry.path) {
            if try DockerfileAnalysis.matcher(for: [source.pattern]).excluded(entry.path).excluded {
                return (source, true)
            }
            if inside == nil, entry.isDirectory { inside = source }
        }
        return inside.map { ($0, false) }
    }

    /// Plans the block. `userMatcher` is the
    /// user's own ignore file: an entry it already excludes, or re-includes with a `!` line, is left to the user
    /// (what is still sent there was let through on purpose, and a block above the user's lines could not change
    /// it anyway). `fold` allows
    /// `**/name` for a name that recurs. `buildFiles` (the Dockerfile and the ignore file, context-relative) are
    /// never proposed as "never read": BuildKit reads them through their own channel either way, and leaving them
    /// alone keeps a second run from planning differently because the first one created the ignore file.
    ///
    /// `sharedWith` are the other builds that read the same ignore file (same context, no ignore file of their own):
    /// whatever any of them reads is protected too, and only what none of them reads is "never read".
    package static func plan(
        report: ScanReport, analysis: DockerfileAnalysis?, sharedWith: [DockerfileAnalysis] = [],
        strategy requested: FixStrategy, userMatcher: IgnoreMatcher? = nil, fold: Bool = true,
        buildFiles: Set<String> = []
    ) throws -> FixPlan {
        let builds = (analysis.map { [$0] } ?? []) + sharedWith
        let someBuildReadsEverything = analysis == nil || builds.contains { $0.referencesEverything }
        let strategy: FixStrategy
        switch requested {
        case .auto: strategy = someBuildReadsEverything ? .deny : .allow
        default: strategy = requested
        }
        if strategy == .allow {
            return try allowPlan(report: report, analysis: analysis, sharedWith: sharedWith)
        }
        var plan = FixPlan(strategy: .deny, groups: [])
        var candidates: [Candidate] = []
        for finding in report.findings {
            guard let reason = reasons.first(where: { $0.check == finding.check })?.reason else { continue }
            let entry = ExclusionCandidate(
                path: finding.path, isDirectory: finding.subject.isDirectory, bytes: finding.bytes,
                files: finding.files)
            // A notice (a committed or re-included file with no credential found) is no secret the Dockerfile copies.
            let isSecret = reason == secretsReason && finding.severity > .info
            candidates.append(Candidate(entry: entry, reason: reason, isSecret: isSecret))
        }
        for entry in report.ignoredEntries {
            candidates.append(Candidate(entry: entry, reason: gitIgnoredReason, isSecret: false))
        }
        if !someBuildReadsEverything {
            for entry in report.topLevelEntries where !buildFiles.contains(entry.path) {
                candidates.append(Candidate(entry: entry, reason: unreadReason, isSecret: false))
            }
        }

        // Never exclude what an explicit source reads; report secrets the Dockerfile copies.
        var allowed: [Candidate] = []
        for candidate in candidates {
            if let need = try need(of: candidate.entry, in: builds) {
                let source = need.source
                if candidate.isSecret {
                    let path = candidate.entry.path
                    let how = need.copied ? "the Dockerfile copies it" : "a Dockerfile source may read inside it"
                    plan.problems.append(
                        Finding(
                            check: .secretCopied, severity: secretCopiedDescriptor.defaultSeverity,
                            subject: candidate.entry.isDirectory ? .directory(path) : .file(path),
                            message: """
                                `\(path)` holds credentials and \(how) (line \(source.line): \
                                \(source.written)): fix leaves it alone. Use a build secret \
                                (`RUN --mount=type=secret`) instead of copying it.
                                """,
                            bytes: candidate.entry.bytes, files: candidate.entry.files))
                }
                if !plan.kept.contains(where: { $0.path == candidate.entry.path }) {
                    plan.kept.append(
                        .init(
                            path: candidate.entry.path, reason: candidate.reason, sourceLine: source.line,
                            copied: need.copied))
                }
                continue
            }
            guard patternText(candidate.entry.path) != nil, candidate.entry.files > 0 || candidate.entry.bytes > 0
            else {
                continue
            }
            if let userMatcher, try userDecides(candidate.entry.path, userMatcher) { continue }
            allowed.append(candidate)
        }

        // One candidate per path, by reason order; drop what an excluded ancestor already covers.
        let order = Dictionary(
            (reasons.map(\.reason) + [gitIgnoredReason, unreadReason]).enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first })
        allowed.sort { ($0.entry.path, order[$0.reason] ?? 99) < ($1.entry.path, order[$1.reason] ?? 99) }
        var unique: [Candidate] = []
        var chosenPaths = Set<String>()
        for candidate in allowed where !chosenPaths.contains(candidate.entry.path) {
            if hasAncestor(candidate.entry.path, in: chosenPaths) { continue }
            chosenPaths.insert(candidate.entry.path)
            unique.append(candidate)
        }

        // Group by reason; fold a recurring name into `**/name`.
        for reason in order.sorted(by: { $0.value < $1.value }).map(\.key) {
            let members = unique.filter { $0.reason == reason }
            guard !members.isEmpty else { continue }
            var patterns: [String] = []
            var byName: [String: [Candidate]] = [:]
            for member in members { byName[name(of: member.entry.path), default: []].append(member) }
            var folded = Set<String>()
            if fold {
                for (name, group) in byName where group.count >= 2 && (group.contains { $0.entry.path.contains("/") }) {
                    folded.insert(name)
                    plan.folded = true
                }
            }
            for member in members {
                let name = name(of: member.entry.path)
                if folded.contains(name) {
                    let pattern = "**/" + patternText(name)!
                    if !patterns.contains(pattern) { patterns.append(pattern) }
                } else {
                    patterns.append(patternText(member.entry.path)!)
                }
            }
            plan.groups.append(
                .init(
                    reason: reason, patterns: patterns, entries: members.count,
                    files: members.reduce(0) { $0 + $1.entry.files }, bytes: members.saturatingSum(\.entry.bytes)))
        }
        return plan
    }

    /// Whether the user's own lines already exclude `path`, or re-include it with an exception.
    static func userDecides(_ path: String, _ matcher: IgnoreMatcher) throws -> Bool {
        let verdict = try matcher.excluded(path)
        if verdict.excluded { return true }
        guard let rule = verdict.decidingRule else { return false }
        return matcher.file.rules[rule].isException
    }

    /// `*` and an exact exception per path the Dockerfile (or a build sharing the ignore file) reads.
    static func allowPlan(
        report: ScanReport, analysis: DockerfileAnalysis?, sharedWith: [DockerfileAnalysis] = []
    ) throws -> FixPlan {
        guard let analysis else {
            throw FixError(
                code: .strategy, message: "the allow strategy needs a Dockerfile to know what to keep; none was found",
                fix: "pass the Dockerfile with -f, or use --strategy deny")
        }
        if let root = ([analysis] + sharedWith).lazy.compactMap(\.rootSource).first {
            throw FixError(
                code: .strategy,
                message: """
                    the allow strategy cannot keep everything: the Dockerfile copies the whole context (line \(root.line): \
                    \(root.written))
                    """,
                fix: "use --strategy deny")
        }
        var paths: [String] = []
        for source in ([analysis] + sharedWith).flatMap(\.explicitSources) {
            if source.isWildcard {
                let prefix = literalPrefix(source.pattern)
                if prefix.isEmpty {
                    // A wildcard at the root: name each top-level entry it can read.
                    paths += report.topLevelEntries.map(\.path).filter { source.references(path: $0) }
                } else {
                    paths.append(prefix)
                }
            } else {
                paths.append(source.pattern)
            }
        }
        let unique = Set(paths)
        let outermost = unique.filter { !hasAncestor($0, in: unique) }.sorted()
        var plan = FixPlan(strategy: .allow, groups: [])
        plan.allowed = outermost.compactMap(patternText)
        return plan
    }

    /// The path's directories before the first segment with a wildcard.
    static func literalPrefix(_ pattern: String) -> String {
        var kept: [Substring] = []
        for segment in pattern.split(separator: "/") {
            if segment.contains(where: { "*?[\\".contains($0) }) { break }
            kept.append(segment)
        }
        return kept.joined(separator: "/")
    }

    /// A path as a pattern that matches it: wildcard characters escaped, a leading `#` or `!` escaped. What a line
    /// cannot hold as it is becomes `?` (one character, `/` excepted), which the engine proves before anything is
    /// written: a line break or other control character, white space at either end (the reader trims it), and the raw
    /// bytes of a name that is not UTF-8 (Go's regexp refuses invalid UTF-8 in a pattern; it reads each invalid byte of
    /// the path as one character). Nil only for an empty path.
    static func patternText(_ path: String) -> String? {
        let scalars = Array(path.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var out = ""
        var rawRun: [UInt8] = []
        func flushRaw() {
            out += String(repeating: "?", count: LosslessUTF8.goRuneCount(rawRun))
            rawRun.removeAll()
        }
        for (index, scalar) in scalars.enumerated() {
            if let byte = LosslessUTF8.rawByte(scalar) {
                rawRun.append(byte)
                continue
            }
            flushRaw()
            let atEdge = index == 0 || index == scalars.count - 1
            if scalar.value < 0x20 || scalar.value == 0x7F || (atEdge && scalar.properties.isWhitespace) {
                out += "?"
            } else {
                if "*?[]\\".unicodeScalars.contains(scalar) { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        flushRaw()
        if out.hasPrefix("#") || out.hasPrefix("!") { out = "\\" + out }
        return out
    }

    static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func hasAncestor(_ path: String, in set: Set<String>) -> Bool {
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            if set.contains(String(current)) { return true }
        }
        return false
    }

    /// `secret-copied` in `CheckCatalog`: a secret the Dockerfile copies explicitly, which fix cannot exclude.
    package static let secretCopiedDescriptor = CheckDescriptor(
        id: .secretCopied, title: "Secret copied by the Dockerfile",
        summary: "A file flagged as a secret is copied by an explicit Dockerfile source, so `ctxtrim fix` leaves it.",
        defaultSeverity: .error,
        help: """
            Reported by `ctxtrim fix` (which then exits 1) for a `secret-file` or `secret-content` finding whose \
            path a `COPY` or `ADD` source names explicitly: excluding it would break the build, so fix leaves it \
            alone. The finding names the path and the Dockerfile line. Pass the credential with a build secret \
            (`RUN --mount=type=secret,id=...`) instead of copying it.
            """,
        family: .fix, subjects: [.file, .directory], yieldsToClaimedDirectories: false, examples: [])
}
