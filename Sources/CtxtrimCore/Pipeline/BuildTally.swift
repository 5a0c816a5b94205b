import ContextWalker
import DockerIgnore
import GitClassifier
import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// What one walker thread learns about one build: counts, top lists, what BuildKit transfers, git classes, the
/// candidates `fix` can exclude, and the build's checks. Threads' tallies are merged, then ``finished()``.
///
/// No record per file: only counters, bounded top-N lists, per-extension and per-class tables and the findings.
struct BuildTally: Sendable {
    /// What every thread's tally of a build shares.
    struct Setup: Sendable {
        /// Byte length of the absolute walk root, to find entries beyond PATH_MAX.
        var walkRootLength: Int
        var top: Int
        /// Whether findings are computed (checks run, small files read).
        var runChecks: Bool
        var enabledChecks: Set<CheckID>?
        /// `large-file`'s threshold for this build.
        var largeFileThreshold = LargeFileCheck.defaultThreshold
        /// With a root source: the explicit sources, to tell what only `COPY . .` pulls in.
        var explicitSourceMatcher: IgnoreMatcher?
        /// The ignore file in force, for the lint's rule usage and nested-name sightings; nil without one.
        var ignoreFile: IgnoreFile?
        /// The build's git status, to tell whether git tracks something below a directory.
        var git: GitStatusSnapshot?
        /// The walker's verdicts and directory totals are this build's own (the only build, at the walk root):
        /// directory facts come from the walker's summaries, and the largest directories can be listed.
        var ownsWalk: Bool
        /// `ls`: which entries to list; only for a build that owns the walk, whose dispositions are the walker's.
        var listing: ContextListing.Mode?
        /// The explicit sources of the target build to look for (`copy-source-*`); nil when there are none or no
        /// findings are computed.
        var sourceSightings: SourceSightings?
        /// Another build of the set sends the same entries with the same ignore file, git status and checks (the
        /// leader, earlier in the set): this build runs only the checks that depend on its own Dockerfile
        /// (``CheckRun/transferDependentIDs``), records no rule usage or names, and takes the rest from the leader
        /// once the walk is over (``adopt(from:)``). The index of that leader in the set.
        var leader: Int?
        /// Collect the treemap of the context (``ContextMapTally``) for the HTML report.
        var mapsContext = false
        /// Record what the build transfers for its digest (``DigestRecords``).
        var digests = false

        var followsLeader: Bool { leader != nil }
    }

    /// Files and bytes of one class (an extension, a git class, a top-level entry).
    struct ClassTally: Sendable {
        var files = 0
        var bytes: Int64 = 0

        mutating func add(file bytes: Int64) {
            files += 1
            self.bytes.saturatingAdd(bytes)
        }

        mutating func add(_ other: ClassTally) {
            files += other.files
            bytes.saturatingAdd(other.bytes)
        }
    }

    /// What the merged tallies of a build yield once the walk is over.
    struct Finished {
        var findings: [Finding]
        /// Sent entries git ignores whose parent it does not ignore as a whole, by path.
        var outermostIgnored: [ExclusionCandidate]
        /// Sent top-level entries with their weight, by path.
        var topLevelEntries: [ExclusionCandidate]
        /// The directories the directory findings claim.
        var claimed = ClaimedDirectories()
    }

    let setup: Setup
    var sent = ScanReport.Totals()
    var excluded = ScanReport.Totals()
    /// Excluded directories the walk did not need to enter.
    var skippedDirectories = 0
    /// Excluded directories that are sent after all because something below them is (context-relative).
    var promotedDirectories: Set<String> = []
    var largestFiles: TopN<ScanReport.FileUsage>
    /// Only when the build owns the walk (see ``Setup/ownsWalk``).
    var largestDirectories: TopN<ScanReport.DirectoryUsage>
    var largestIgnored: TopN<ScanReport.DirectoryUsage>
    var extensions: [String: ClassTally] = [:]
    /// Sent regular files BuildKit transfers for this Dockerfile.
    var transferred = ClassTally()
    /// With a root source: sent files an explicit source names.
    var explicitFiles = ClassTally()
    /// With a root source: sent files no explicit source names, by top-level entry (what `COPY . .` alone pulls in).
    var copyAllOnly: [String: ClassTally] = [:]
    var gitClasses: [GitClass: ClassTally] = [:]
    var diagnostics: [ScanReport.Diagnostic] = []
    var checks: CheckRun?
    /// Which ignore-file rules matched or decided something (for the lint).
    var ruleUsage: RuleUsage?
    /// Sent entries below the root whose names the ignore file uses bare, and nested ignore files (for the lint).
    var nestedNames: NestedNameSightings?
    /// Sent entries per watched name, which proves the `**/name` patterns the findings advise.
    var sentNames = SentNames()
    var outermostIgnored: [ExclusionCandidate] = []
    var topLevelEntries: [ExclusionCandidate] = []
    /// Directories a directory check may flag, from the walker's summaries, finished once every thread's sibling
    /// markers are known.
    var directoryCandidates: [DirectoryFacts] = []
    /// Without the walker's totals: the directories this build counts itself, by path.
    var watchedDirectories: [String: WatchedDirectory] = [:]
    /// `ls`: the entries listed so far, unsorted.
    var listed: [ContextListing.Entry] = []
    /// The treemap's counts, when ``Setup/mapsContext``.
    var map: ContextMapTally?
    /// What the walk saw of the Dockerfile's explicit sources (for `copy-source-ignored` and `copy-source-missing`).
    var sourceSightings: SourceSightings?
    /// The transferred entries, when ``Setup/digests``; every build records its own, leader or follower.
    var digest: DigestRecords?
    /// Why the digest cannot be computed: the first problem by path.
    var digestProblem: DigestProblem?
    /// A follower's share of its leader: the findings of the checks that do not depend on the Dockerfile, and the
    /// directories they claim.
    private var adopted: (findings: [Finding], claimed: ClaimedDirectories)?

    init(setup: Setup) {
        self.setup = setup
        largestFiles = TopN(capacity: setup.top)
        largestDirectories = TopN(capacity: setup.ownsWalk ? setup.top * 8 : 0)
        largestIgnored = TopN(capacity: setup.ownsWalk ? setup.top * 4 : 0)
        let enabled =
            setup.followsLeader
            ? (setup.enabledChecks ?? CheckCatalog.ids).intersection(CheckRun.transferDependentIDs)
            : setup.enabledChecks
        checks = setup.runChecks ? CheckRun(enabledIDs: enabled, largeFileThreshold: setup.largeFileThreshold) : nil
        sourceSightings = setup.runChecks ? setup.sourceSightings : nil
        map = setup.mapsContext && !setup.followsLeader ? ContextMapTally() : nil
        digest = setup.digests ? DigestRecords() : nil
        if setup.runChecks, !setup.followsLeader {
            ruleUsage = setup.ignoreFile.map { RuleUsage(file: $0) }
            nestedNames = NestedNameSightings(watching: setup.ignoreFile)
        }
    }

    /// Counts one entry inside the build's context.
    ///
    /// - Parameters:
    ///   - path: relative to the build's context root; valid only during the call.
    ///   - walkerSkipped: the walker itself skipped an ancestor and only measures (the state is that ancestor's).
    ///   - content: the entry's small-file content, read at most once for all builds of the walk.
    ///   - flaggedElsewhere: for a follower, whether its leader's entry checks flagged this entry.
    ///   - hashing: the entry's digest input, made at most once for all builds of the walk (with ``Setup/digests``).
    /// - Returns: whether this build's entry checks (`large-file` aside) flagged the entry.
    @discardableResult
    mutating func visit(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, state: BuildSetFilter.BuildState,
        walkerSkipped: Bool, reader: inout EntryContentReader, content: inout [UInt8]??, flaggedElsewhere: Bool = false,
        hashing: inout EntryHashing
    ) -> Bool {
        if walkerSkipped {
            visitBelowSkipped(entry, path: path)
            return false
        }
        if digest != nil, !state.insideSkipped, state.verdict == .send, state.context.transferred {
            recordDigest(entry, path: path, hashing: &hashing)
        }
        if setup.followsLeader {
            return visitAsFollower(
                entry, path: path, state: state, walkerSkipped: walkerSkipped, flagged: flaggedElsewhere)
        }
        if let listing = setup.listing { list(entry, mode: listing) }
        if map != nil {
            let outside = walkerSkipped || state.insideSkipped
            map!.record(
                entry, path: path, sent: !outside && state.verdict == .send,
                rule: outside ? nil : state.context.decidingRule)
        }
        if walkerSkipped || state.insideSkipped {
            countExcluded(entry)
            return false
        }
        let pathString = LosslessUTF8.decode(path)
        ruleUsage?.record(
            state: state.context.ignore, decidingRule: state.context.decidingRule, path: pathString,
            isFile: entry.kind == .file, bytes: entry.size)
        sourceSightings?.record(
            path: pathString, depth: state.depth, kind: entry.kind, sent: state.verdict == .send,
            pruned: state.verdict == .skip, belowExcluded: state.sentAncestorDepth < state.depth - 1,
            decidingRule: state.context.decidingRule)
        guard state.verdict == .send else {
            if state.verdict == .skip && entry.kind == .directory { skippedDirectories += 1 }
            countExcluded(entry)
            return false
        }
        promoteAncestors(of: pathString, depth: state.depth, sentAncestorDepth: state.sentAncestorDepth)
        countSent(entry, path: path, pathString: pathString, state: state)
        guard checks != nil else { return false }
        if entry.isFirstBeyondPathLimit(rootLength: setup.walkRootLength) {
            checks!.recordUnreadable(
                UnreadableEntry(path: pathString, reason: UnreadableEntry.pathTooLongReason, kind: entry.kind))
        }
        // Below a directory the checks claim whole, only an unreadable file could still be reported.
        if state.context.insideQuietDirectory {
            if entry.kind == .file && !entry.isReadable {
                checks!.recordUnreadable(UnreadableEntry(path: pathString, reason: "permission denied", kind: .file))
            }
            return false
        }
        let gitClass = Self.gitClass(state.context)
        nestedNames?.record(path: pathString, isTracked: gitClass == .tracked)
        if !setup.followsLeader { sentNames.record(path: pathString) }
        var facts = EntryFacts(
            path: pathString, kind: entry.kind, size: entry.size, gitClass: gitClass,
            transferred: state.context.transferred)
        if entry.kind == .symlink { facts.linkTarget = reader.linkTarget(entry) }
        if let index = state.context.decidingRule, let rules = setup.ignoreFile?.rules, index < rules.count,
            rules[index].isException
        {
            facts.reincludedBy = .init(file: rules[index].source, line: rules[index].line)
        }
        if entry.kind == .file && !entry.isReadable {
            checks!.recordUnreadable(UnreadableEntry(path: pathString, reason: "permission denied", kind: .file))
        }
        let flagged = checks!.visit(facts, flaggedElsewhere: flaggedElsewhere)
        if entry.kind == .file, entry.isReadable, checks!.shouldReadContent(of: facts) {
            if content == nil { content = .some(reader.smallFile(entry)) }
            if let bytes = content ?? nil { checks!.scanContent(bytes, of: facts) }
        }
        return flagged
    }

    /// Counts an entry below a directory the walker skipped and only measures: excluded, listed and mapped as such.
    /// A follower counts nothing there (it adopts its leader's counts).
    mutating func visitBelowSkipped(_ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>) {
        guard !setup.followsLeader else { return }
        if let listing = setup.listing { list(entry, mode: listing) }
        map?.record(entry, path: path, sent: false, rule: nil)
        countExcluded(entry)
    }

    /// A follower's visit: only what its own Dockerfile decides (the transfer, the sources it looks for, the checks
    /// of ``CheckRun/transferDependentIDs``); the counts its leader makes alike are adopted after the walk.
    private mutating func visitAsFollower(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, state: BuildSetFilter.BuildState, walkerSkipped: Bool,
        flagged: Bool
    ) -> Bool {
        guard !walkerSkipped, !state.insideSkipped else { return false }
        let pathString = LosslessUTF8.decode(path)
        sourceSightings?.record(
            path: pathString, depth: state.depth, kind: entry.kind, sent: state.verdict == .send,
            pruned: state.verdict == .skip, belowExcluded: state.sentAncestorDepth < state.depth - 1,
            decidingRule: state.context.decidingRule)
        guard state.verdict == .send, entry.kind != .directory else { return false }
        let gitClass = Self.gitClass(state.context)
        if entry.kind == .file {
            countTransfer(entry, path: path, pathString: pathString, gitClass: gitClass, state: state)
        }
        guard checks != nil, !state.context.insideQuietDirectory else { return false }
        let facts = EntryFacts(
            path: pathString, kind: entry.kind, size: entry.size, gitClass: gitClass,
            transferred: state.context.transferred)
        return checks!.visit(facts, flaggedElsewhere: flagged)
    }

    /// A directory of the build's context is done; only called when the build owns the walk, so the summary's
    /// totals are the build's.
    mutating func directoryFinished(_ summary: DirectorySummary, path: String, state: BuildSetFilter.BuildState) {
        if let listing = setup.listing { list(summary, mode: listing) }
        guard summary.isSent else { return }
        let totals = summary.totals
        let context = state.context
        let whole = ExclusionCandidate(
            path: path, isDirectory: true, bytes: totals.sentBytes, files: totals.sentFiles)
        if state.depth == 1 { topLevelEntries.append(whole) }
        if context.git?.gitClass == .ignored, !context.parentIgnored { outermostIgnored.append(whole) }
        if totals.sentFiles > 0 {
            let usage = ScanReport.DirectoryUsage(path: path, bytes: totals.sentBytes, files: totals.sentFiles)
            largestDirectories.offer(totals.sentBytes, tie: path, usage)
            if context.git?.gitClass == .ignored { largestIgnored.offer(totals.sentBytes, tie: path, usage) }
        }
        // Every directory check yields to a claimed ancestor: nothing below a quiet directory can be reported.
        guard let checks, !context.insideQuietDirectory else { return }
        let facts = DirectoryFacts(
            path: path, sentFiles: totals.sentFiles, sentBytes: totals.sentBytes, gitClass: context.git?.gitClass,
            tracksAnything: setup.git?.holdsTrackedFiles(directory: path) ?? false)
        if checks.mightFlag(facts) { directoryCandidates.append(facts) }
    }

    /// Records a soft problem of the walk at `path` (relative to the context root).
    mutating func diagnostic(_ diagnostic: WalkDiagnostic, path: String) {
        let reason = Self.reason(diagnostic)
        diagnostics.append(ScanReport.Diagnostic(kind: diagnostic.kind.rawValue, path: path, message: reason))
        if diagnostic.kind == .unreadableDirectory, checks != nil {
            checks!.recordUnreadable(UnreadableEntry(path: path, reason: reason, kind: .directory))
        }
    }

    mutating func merge(_ other: BuildTally) {
        sent += other.sent
        excluded += other.excluded
        skippedDirectories += other.skippedDirectories
        promotedDirectories.formUnion(other.promotedDirectories)
        largestFiles.merge(other.largestFiles)
        largestDirectories.merge(other.largestDirectories)
        largestIgnored.merge(other.largestIgnored)
        for (name, tally) in other.extensions { extensions[name, default: .init()].add(tally) }
        transferred.add(other.transferred)
        explicitFiles.add(other.explicitFiles)
        for (top, tally) in other.copyAllOnly { copyAllOnly[top, default: .init()].add(tally) }
        for (gitClass, tally) in other.gitClasses { gitClasses[gitClass, default: .init()].add(tally) }
        diagnostics += other.diagnostics
        listed += other.listed
        if let theirs = other.map { map?.merge(theirs) }
        if let theirs = other.checks { checks?.merge(theirs) }
        if let theirs = other.ruleUsage { ruleUsage?.merge(theirs) }
        if let theirs = other.nestedNames { nestedNames?.merge(theirs) }
        sentNames.merge(other.sentNames)
        if let theirs = other.sourceSightings { sourceSightings?.merge(theirs) }
        if let theirs = other.digest { digest?.merge(theirs) }
        if let theirs = other.digestProblem, digestProblem.map({ theirs.path < $0.path }) ?? true {
            digestProblem = theirs
        }
        outermostIgnored += other.outermostIgnored
        topLevelEntries += other.topLevelEntries
        directoryCandidates += other.directoryCandidates
        for (path, theirs) in other.watchedDirectories {
            guard var mine = watchedDirectories[path] else {
                watchedDirectories[path] = theirs
                continue
            }
            mine.facts.sentFiles += theirs.facts.sentFiles
            mine.facts.sentBytes.saturatingAdd(theirs.facts.sentBytes)
            watchedDirectories[path] = mine
        }
    }

    /// The sent and excluded totals once every thread is merged: promoted directories count as sent.
    var finalTotals: (sent: ScanReport.Totals, excluded: ScanReport.Totals) {
        var sent = sent
        var excluded = excluded
        sent.directories += promotedDirectories.count
        excluded.directories -= promotedDirectories.count
        return (sent, excluded)
    }

    /// Runs the directory checks on the candidates (after every thread's sibling markers are merged) and collects
    /// the directories `fix` can exclude as a unit.
    func finished() -> Finished {
        var candidates = directoryCandidates
        var outermostIgnored = outermostIgnored
        var topLevelEntries = topLevelEntries
        for watched in watchedDirectories.values {
            let facts = watched.facts
            if watched.isCheckCandidate && facts.sentFiles > 0 { candidates.append(facts) }
            let whole = ExclusionCandidate(
                path: facts.path, isDirectory: true, bytes: facts.sentBytes, files: facts.sentFiles)
            if watched.isTopLevel { topLevelEntries.append(whole) }
            if watched.isOutermostIgnored { outermostIgnored.append(whole) }
        }
        var findings: [Finding] = []
        var claimed = ClaimedDirectories()
        if var checks {
            for facts in candidates.sorted(by: { $0.path < $1.path }) { checks.finishDirectory(facts) }
            if let adopted { checks.adopt(claims: adopted.claimed) }
            findings = FindingOrder.sorted((adopted?.findings ?? []) + checks.finish())
            claimed = checks.claimedDirectories
        }
        return Finished(
            findings: findings, outermostIgnored: outermostIgnored.sorted { $0.path < $1.path },
            topLevelEntries: topLevelEntries.sorted { $0.path < $1.path }, claimed: claimed)
    }

    /// A follower takes from its leader, once both are merged, what does not depend on the Dockerfile: the counts,
    /// top lists and git classes of what is sent, rule usage, nested names, sent names and the findings of the checks
    /// it did not run. `finished` is the leader's ``finished()``, computed once for all its followers.
    mutating func adopt(from leader: BuildTally, finished: Finished) {
        precondition(setup.followsLeader, "only a follower adopts its leader's checks")
        sent = leader.sent
        excluded = leader.excluded
        skippedDirectories = leader.skippedDirectories
        promotedDirectories = leader.promotedDirectories
        largestFiles = leader.largestFiles
        largestIgnored = leader.largestIgnored
        extensions = leader.extensions
        gitClasses = leader.gitClasses
        outermostIgnored = leader.outermostIgnored
        topLevelEntries = leader.topLevelEntries
        watchedDirectories = leader.watchedDirectories
        ruleUsage = leader.ruleUsage
        nestedNames = leader.nestedNames
        sentNames = leader.sentNames
        map = leader.map
        adopted = (finished.findings.filter { !CheckRun.transferDependentIDs.contains($0.check) }, finished.claimed)
    }

    /// Adds a transferred entry to the build's digest, hashing it unless another build of the walk already did.
    private mutating func recordDigest(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, hashing: inout EntryHashing
    ) {
        switch hashing.result(for: entry) {
        case .success(let hashed):
            hashed.payload.withUnsafeBufferPointer { payload in
                digest!.append(path: path, type: hashed.type, mode: hashed.mode, size: hashed.size, payload: payload)
            }
        case .failure(var problem):
            problem.path = LosslessUTF8.decode(path)
            if digestProblem.map({ problem.path < $0.path }) ?? true { digestProblem = problem }
        case nil:
            break
        }
    }

    /// How git sees an entry: nil outside a repository, tracked when the snapshot has no more specific answer.
    static func gitClass(_ state: ContextFilter.State) -> GitClass? {
        state.git?.gitClass ?? (state.git == nil ? nil : .tracked)
    }

    /// Whether a source pattern names `path` or one of its ancestors.
    static func named(_ path: UnsafeBufferPointer<UInt8>, by matcher: IgnoreMatcher) -> Bool {
        (try? matcher.excluded(path).excluded) ?? true
    }

    /// The first path component.
    static func topLevel(_ path: UnsafeBufferPointer<UInt8>) -> String {
        let end = path.firstIndex(of: UInt8(ascii: "/")) ?? path.count
        return LosslessUTF8.decode(UnsafeBufferPointer(rebasing: path[..<end]))
    }

    /// The errno text of a diagnostic, such as "Permission denied (openat)".
    static func reason(_ diagnostic: WalkDiagnostic) -> String {
        guard let code = diagnostic.errno else { return diagnostic.kind.rawValue }
        let text = String(cString: strerror(code))
        return diagnostic.syscall.map { "\(text) (\($0))" } ?? text
    }

    private mutating func countSent(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, pathString: String, state: BuildSetFilter.BuildState
    ) {
        switch entry.kind {
        case .directory: sent.directories += 1
        case .symlink: sent.symlinks += 1
        case .other: sent.others += 1
        case .file: sent.files += 1
        }
        sent.bytes.saturatingAdd(entry.size)
        // A watched directory is sent when it or something below it is (as the walker's `isSent` says).
        for watched in state.watched {
            watchedDirectories[watched.facts.path, default: watched].facts.sentBytes.saturatingAdd(
                entry.kind == .directory ? 0 : entry.size)
            if entry.kind == .file { watchedDirectories[watched.facts.path, default: watched].facts.sentFiles += 1 }
        }
        guard entry.kind != .directory else { return }
        let gitClass = Self.gitClass(state.context)
        let whole = ExclusionCandidate(
            path: pathString, isDirectory: false, bytes: entry.size, files: entry.kind == .file ? 1 : 0)
        if gitClass == .ignored, !state.context.parentIgnored { outermostIgnored.append(whole) }
        if state.depth == 1 { topLevelEntries.append(whole) }
        guard entry.kind == .file else { return }
        countTransfer(entry, path: path, pathString: pathString, gitClass: gitClass, state: state)
        largestFiles.offer(entry.size, tie: pathString, .init(path: pathString, bytes: entry.size))
        extensions[Self.extensionKey(entry.name), default: .init()].add(file: entry.size)
        if let gitClass { gitClasses[gitClass, default: .init()].add(file: entry.size) }
    }

    /// What this build's Dockerfile makes of a sent file: transferred or not, named by an explicit source or pulled
    /// in by `COPY . .` alone.
    private mutating func countTransfer(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, pathString: String, gitClass: GitClass?,
        state: BuildSetFilter.BuildState
    ) {
        if state.context.transferred {
            transferred.add(file: entry.size)
            checks?.countTransferred(path: pathString, size: entry.size, gitClass: gitClass)
        }
        if let explicit = setup.explicitSourceMatcher {
            if Self.named(path, by: explicit) {
                explicitFiles.add(file: entry.size)
            } else {
                copyAllOnly[Self.topLevel(path), default: .init()].add(file: entry.size)
            }
        }
    }

    /// Lists a non-directory entry, or nothing: a directory is listed when it finishes, since BuildKit sends an
    /// excluded one that has something sent below it.
    private mutating func list(_ entry: WalkEntry, mode: ContextListing.Mode) {
        guard entry.kind != .directory || (entry.disposition == .sent && mode == .sent) else { return }
        switch (entry.disposition, mode) {
        case (.sent, .sent), (.excluded, .excluded), (.skipped, .excluded):
            listed.append(.init(kind: entry.kind, size: entry.size, path: Array(entry.path)))
        default:
            break
        }
    }

    /// Lists a finished directory whose verdict depended on what lies below it, or a skipped one with its size.
    private mutating func list(_ summary: DirectorySummary, mode: ContextListing.Mode) {
        switch (summary.disposition, mode) {
        case (.excluded, .sent) where summary.isSent, (.excluded, .excluded) where !summary.isSent:
            listed.append(.init(kind: .directory, size: 0, path: Array(summary.path)))
        case (.skipped, .excluded):
            listed.append(
                .init(
                    kind: .directory, size: summary.totals.excludedBytes, path: Array(summary.path),
                    skippedDirectory: true))
        default:
            break
        }
    }

    private mutating func countExcluded(_ entry: WalkEntry) {
        if entry.kind == .directory {
            excluded.directories += 1
        } else {
            excluded.files += 1
            excluded.bytes.saturatingAdd(entry.size)
        }
    }

    /// An excluded directory with a sent entry below it is sent after all, as are the excluded directories between.
    private mutating func promoteAncestors(of path: String, depth: Int, sentAncestorDepth: Int) {
        guard depth - 1 > sentAncestorDepth else { return }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        for count in (sentAncestorDepth + 1)..<depth {
            promotedDirectories.insert(components[..<count].joined(separator: "/"))
        }
    }

    /// The name from its last dot (`.gz` of `a.tar.gz`), or `(none)`; a leading dot alone is no extension.
    private static func extensionKey(_ name: UnsafeBufferPointer<UInt8>) -> String {
        var dot: Int? = nil
        for index in stride(from: name.count - 1, to: 0, by: -1) where name[index] == UInt8(ascii: ".") {
            dot = index
            break
        }
        return dot.map { LosslessUTF8.decode(UnsafeBufferPointer(rebasing: name[$0...])) } ?? "(none)"
    }
}
