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
        /// The check that flagged it; nil for git-ignored and never-read entries.
        var check: CheckID?
    }

    /// The explicit source that needs `entry`, preferring one that copies it (names it or an ancestor) over one that
    /// may only read inside it (a directory on the way to a wildcard's matches). A file is never "on the way": only
    /// a source that copies it protects it.
    ///
    /// - Parameter sources: every build's `DockerfileAnalysis.sourcesWithCopyMatchers()`, compiled once per plan.
    static func need(
        of entry: ExclusionCandidate, in sources: [(source: ContextSource, copies: IgnoreMatcher)]
    ) throws -> (source: ContextSource, copied: Bool)? {
        var inside: ContextSource?
        for (source, copies) in sources where source.references(path: entry.path) {
            if try copies.excluded(entry.path).excluded { return (source, true) }
            if inside == nil, entry.isDirectory { inside = source }
        }
        return inside.map { ($0, false) }
    }

    /// Plans the block. `userMatcher` is the
    /// user's own ignore file: an entry it already excludes, or re-includes with a `!` line, is left to the user
    /// (what is still sent there was let through on purpose, and a block above the user's lines could not change
    /// it anyway). `fold` allows kind patterns (`**/*.swp`, `**/node_modules`), each proven against the walked tree
    /// (``FixKind``); without it every entry is written by path. `buildFiles` (the Dockerfile and the ignore file,
    /// context-relative) are never proposed as "never read": BuildKit reads them through their own channel either
    /// way, and leaving them alone keeps a second run from planning differently because the first one created the
    /// ignore file.
    ///
    /// `sharedWith` are the other builds that read the same ignore file (same context, no ignore file of their own):
    /// whatever any of them reads is protected too, and only what none of them reads is "never read". When one of
    /// them copies the whole context, every file git tracks (version-control data aside) is protected as well; a
    /// tracked file holding a credential is then a problem, unless `excludeTrackedSecrets` opts in to excluding it.
    package static func plan(
        report: ScanReport, analysis: DockerfileAnalysis?, sharedWith: [DockerfileAnalysis] = [],
        strategy requested: FixStrategy, userMatcher: IgnoreMatcher? = nil, fold: Bool = true,
        buildFiles: Set<String> = [], excludeTrackedSecrets: Bool = false
    ) throws -> FixPlan {
        let builds = (analysis.map { [$0] } ?? []) + sharedWith
        switch requested {
        case .allow:
            var plan = try allowPlan(report: report, analysis: analysis, sharedWith: sharedWith)
            plan.choice = "asked for"
            return plan
        case .deny:
            var plan = try denyPlan(
                report: report, builds: builds, userMatcher: userMatcher, fold: fold, buildFiles: buildFiles,
                excludeTrackedSecrets: excludeTrackedSecrets)
            plan.choice = "asked for"
            return plan
        case .auto:
            var deny = try denyPlan(
                report: report, builds: builds, userMatcher: userMatcher, fold: fold, buildFiles: buildFiles,
                excludeTrackedSecrets: excludeTrackedSecrets)
            if analysis == nil {
                deny.choice = "no Dockerfile says what to keep"
                return deny
            }
            if let root = builds.lazy.compactMap(\.rootSource).first {
                deny.choice = "a build copies the whole context (line \(root.line): \(root.written))"
                return deny
            }
            let allow = try allowPlan(report: report, analysis: analysis, sharedWith: sharedWith)
            return choose(deny: deny, allow: allow)
        }
    }

    /// `auto`: the allow list when it is no longer than the deny list (it also keeps out next week's clutter of any
    /// kind, where the deny list keeps out only the kinds it names), else the deny list.
    static func choose(deny: FixPlan, allow: FixPlan) -> FixPlan {
        let denyLines = deny.patternCount
        let allowLines = allow.patternCount
        if allowLines == 0 {
            var plan = deny
            plan.choice = "the builds read nothing from the context that an allow list could name"
            return plan
        }
        if allowLines <= denyLines {
            var plan = allow
            plan.choice = """
                \(allowLines) lines naming what the builds copy against \(denyLines) for a deny list, and anything \
                added later stays out
                """
            return plan
        }
        var plan = deny
        plan.choice = "\(denyLines) lines by kind against \(allowLines) for an allow list of what the builds copy"
        return plan
    }

    /// The deny plan: findings, git-ignored entries and what no build reads, by kind where a kind is proven.
    static func denyPlan(
        report: ScanReport, builds: [DockerfileAnalysis], userMatcher: IgnoreMatcher?, fold: Bool,
        buildFiles: Set<String>, excludeTrackedSecrets: Bool
    ) throws -> FixPlan {
        let someBuildReadsEverything = builds.isEmpty || builds.contains { $0.referencesEverything }
        let rootSource = builds.lazy.compactMap(\.rootSource).first
        var plan = FixPlan(strategy: .deny, groups: [])
        var candidates: [Candidate] = []
        for finding in report.findings {
            guard let reason = reasons.first(where: { $0.check == finding.check })?.reason else { continue }
            let entry = ExclusionCandidate(
                path: finding.path, isDirectory: finding.subject.isDirectory, bytes: finding.bytes,
                files: finding.files)
            // A notice (a committed or re-included file with no credential found) is no secret the Dockerfile copies.
            let isSecret = reason == secretsReason && finding.severity > .info
            candidates.append(Candidate(entry: entry, reason: reason, isSecret: isSecret, check: finding.check))
        }
        for entry in report.ignoredEntries {
            candidates.append(Candidate(entry: entry, reason: gitIgnoredReason, isSecret: false, check: nil))
        }
        if !someBuildReadsEverything {
            for entry in report.topLevelEntries where !buildFiles.contains(entry.path) {
                candidates.append(Candidate(entry: entry, reason: unreadReason, isSecret: false, check: nil))
            }
        }

        // Never exclude what an explicit source reads, nor, under a whole-context COPY, what git tracks; report
        // secrets a build copies.
        var allowed: [Candidate] = []
        let sources = try builds.flatMap { try $0.sourcesWithCopyMatchers() }
        for candidate in candidates {
            let path = candidate.entry.path
            if let need = try need(of: candidate.entry, in: sources) {
                let source = need.source
                if candidate.isSecret {
                    let how = need.copied ? "the Dockerfile copies it" : "a Dockerfile source may read inside it"
                    plan.problems.append(
                        secretProblem(
                            candidate.entry,
                            because: "\(how) (line \(source.line): \(source.written)): fix leaves it alone"))
                }
                plan.keep(.init(path: path, reason: candidate.reason, sourceLine: source.line, copied: need.copied))
                continue
            }
            if let rootSource, report.trackedPaths.contains(path), candidate.check != .vcsDir,
                !(excludeTrackedSecrets && candidate.reason == secretsReason)
            {
                if candidate.isSecret {
                    plan.problems.append(
                        secretProblem(
                            candidate.entry,
                            because: """
                                is committed to git, and line \(rootSource.line) (\(rootSource.written)) copies the \
                                whole context, so the build may read it: fix leaves it alone \
                                (`--exclude-tracked-secrets` excludes it anyway)
                                """))
                }
                plan.keep(.init(path: path, reason: candidate.reason, sourceLine: rootSource.line, copied: true))
                continue
            }
            guard patternText(path) != nil, candidate.entry.files > 0 || candidate.entry.bytes > 0 else { continue }
            if let userMatcher, try userDecides(path, userMatcher) { continue }
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
        // Below a flagged directory that stays in the context the walk counted no names: a kind could reach in.
        let blindSpots = candidates.contains { candidate in
            candidate.entry.isDirectory && candidate.check != nil && !chosenPaths.contains(candidate.entry.path)
                && !hasAncestor(candidate.entry.path, in: chosenPaths)
        }
        let proof = KindProof(
            names: report.sentNames, chosen: chosenPaths, userMatcher: userMatcher)

        // Group by reason; within a group, proven kinds first, then the entries no kind covers, by path.
        for reason in order.sorted(by: { $0.value < $1.value }).map(\.key) {
            let members = unique.filter { $0.reason == reason }
            guard !members.isEmpty else { continue }
            var patterns: [String] = []
            var covered = Set<String>()
            if fold && !blindSpots {
                var tried = Set<FixKind>()
                let nameCounts = members.reduce(into: [String: Int]()) { $0[name(of: $1.entry.path), default: 0] += 1 }
                var kinds: [(pattern: String, exceptions: [String])] = []
                for member in members where !covered.contains(member.entry.path) {
                    guard let kind = kind(of: member, nameCounts: nameCounts), tried.insert(kind).inserted,
                        let proven = try proof.prove(kind, members: members)
                    else { continue }
                    kinds.append((kind.pattern, proven.exceptions.compactMap(patternText).map { "!" + $0 }))
                    covered.formUnion(proven.covers)
                }
                // Sorted, so that `**/.env` and `**/.env.*` stand together; each with its exceptions after it.
                for kind in kinds.sorted(by: { $0.pattern < $1.pattern }) {
                    patterns.append(kind.pattern)
                    patterns += kind.exceptions
                    plan.kindPatterns.append(kind.pattern)
                    plan.folded = true
                }
            }
            for member in members where !covered.contains(member.entry.path) {
                patterns.append(anchoredPattern(member.entry.path)!)
            }
            plan.groups.append(
                .init(
                    reason: reason, patterns: patterns, entries: members.count,
                    files: members.reduce(0) { $0 + $1.entry.files }, bytes: members.saturatingSum(\.entry.bytes)))
        }
        return plan
    }

    /// The kind a candidate belongs to: its check's, else, for a name that recurs in its group (`nameCounts`),
    /// that name.
    static func kind(of candidate: Candidate, nameCounts: [String: Int]) -> FixKind? {
        if let kind = FixKind.of(
            check: candidate.check, path: candidate.entry.path, isDirectory: candidate.entry.isDirectory)
        {
            return kind
        }
        let name = name(of: candidate.entry.path)
        let recurs = nameCounts[name, default: 0] >= 2
        guard recurs, SentNames.isWatched(Substring(name)), patternText(name) == name else { return nil }
        return FixKind(pattern: "**/" + name, names: .exact(name), isFileKind: !candidate.entry.isDirectory)
    }

    /// A secret fix leaves in the context: an error with the build-secret remedy.
    static func secretProblem(_ entry: ExclusionCandidate, because why: String) -> Finding {
        Finding(
            check: .secretCopied, severity: secretCopiedDescriptor.defaultSeverity,
            subject: entry.isDirectory ? .directory(entry.path) : .file(entry.path),
            message: """
                `\(entry.path)` holds credentials and \(why). Use a build secret (`RUN --mount=type=secret`) \
                instead of copying it.
                """,
            bytes: entry.bytes, files: entry.files)
    }

    /// A path as a pattern anchored as meant: `/name` for an entry at the root (so that no reader, nor ctxtrim's
    /// `ignore-root-only-name`, takes it for a name meant at any depth), the path itself deeper down.
    static func anchoredPattern(_ path: String) -> String? {
        guard let text = patternText(path) else { return nil }
        return path.contains("/") ? text : "/" + text
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
