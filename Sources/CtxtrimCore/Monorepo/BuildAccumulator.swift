import ContextWalker
import DockerIgnore
import GitClassifier
import UntrustedText

/// What one walker thread learns about one build during the shared walk: counts, the largest files, what BuildKit
/// transfers, and the build's checks.
struct BuildAccumulator: Sendable {
    /// What every thread's accumulator of a build shares.
    struct Setup: Sendable {
        /// Byte length of the absolute walk root, to find entries beyond PATH_MAX.
        var walkRootLength: Int
        var top: Int
        var runChecks: Bool
        var enabledChecks: Set<CheckID>?
        /// With a root source: the explicit sources, to tell what only `COPY . .` pulls in.
        var explicitSourceMatcher: IgnoreMatcher?
        /// The ignore file in force, for the lint; nil without one.
        var ignoreFile: IgnoreFile?
    }

    let setup: Setup
    var sent = ScanReport.Totals()
    var excluded = ScanReport.Totals()
    var skippedDirectories = 0
    /// Excluded directories that are sent after all because something below them is (context-relative).
    var promotedDirectories: Set<String> = []
    var largestFiles: TopN<ScanReport.FileUsage>
    var transferred = ScanVisitor.ClassTally()
    var explicitFiles = ScanVisitor.ClassTally()
    var copyAllOnly: [String: ScanVisitor.ClassTally] = [:]
    var gitClasses: [GitClass: ScanVisitor.ClassTally] = [:]
    var diagnostics: [ScanReport.Diagnostic] = []
    var checks: CheckRun?
    var ruleUsage: RuleUsage?
    var nestedNames: NestedNameSightings?
    /// Sent files and bytes below each directory a directory check might flag, keyed by its path.
    var candidateDirectories: [String: DirectoryFacts] = [:]

    init(setup: Setup) {
        self.setup = setup
        largestFiles = TopN(capacity: setup.top)
        checks = setup.runChecks ? CheckRun(enabledIDs: setup.enabledChecks) : nil
        if setup.runChecks {
            ruleUsage = setup.ignoreFile.map { RuleUsage(file: $0) }
            nestedNames = NestedNameSightings(watching: setup.ignoreFile)
        }
    }

    /// Counts one entry inside the build's context.
    ///
    /// - Parameters:
    ///   - path: relative to the build's context root; valid only during the call.
    ///   - walkerSkipped: the walker itself skipped an ancestor and only measures (the state is that ancestor's).
    mutating func visit(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, state: SharedWalkFilter.BuildState,
        walkerSkipped: Bool, reader: inout EntryContentReader, content: inout [UInt8]??
    ) {
        let isDirectory = entry.kind == .directory
        if walkerSkipped || state.insideSkipped {
            countExcluded(entry)
            return
        }
        let pathString = LosslessUTF8.decode(path)
        ruleUsage?.record(
            state: state.context.ignore, decidingRule: state.context.decidingRule, path: pathString,
            isFile: entry.kind == .file, bytes: entry.size)
        guard state.verdict == .send else {
            if state.verdict == .skip && isDirectory { skippedDirectories += 1 }
            countExcluded(entry)
            return
        }
        promoteAncestors(of: pathString, depth: state.depth, sentAncestorDepth: state.sentAncestorDepth)
        countSent(entry, path: path, pathString: pathString, state: state)
        guard checks != nil else { return }
        if entry.isFirstBeyondPathLimit(rootLength: setup.walkRootLength) {
            checks!.recordUnreadable(
                UnreadableEntry(path: pathString, reason: UnreadableEntry.pathTooLongReason, kind: entry.kind))
        }
        // Below a directory the checks claim whole, only an unreadable file could still be reported (as in a scan).
        if state.context.insideQuietDirectory {
            if entry.kind == .file && !entry.isReadable {
                checks!.recordUnreadable(UnreadableEntry(path: pathString, reason: "permission denied", kind: .file))
            }
            return
        }
        let gitClass = Self.gitClass(state.context)
        nestedNames?.record(path: pathString, isTracked: gitClass == .tracked)
        var facts = EntryFacts(path: pathString, kind: entry.kind, size: entry.size, gitClass: gitClass)
        if entry.kind == .symlink { facts.linkTarget = reader.linkTarget(entry) }
        if entry.kind == .file && !entry.isReadable {
            checks!.recordUnreadable(UnreadableEntry(path: pathString, reason: "permission denied", kind: .file))
        }
        checks!.visit(facts)
        if entry.kind == .file, entry.isReadable, checks!.shouldReadContent(of: facts) {
            if content == nil { content = .some(reader.smallFile(entry)) }
            if let bytes = content ?? nil { checks!.scanContent(bytes, of: facts) }
        }
    }

    /// Records a soft problem of the walk at `path` (relative to the context root).
    mutating func diagnostic(_ diagnostic: WalkDiagnostic, path: String) {
        let reason = ScanVisitor.reason(diagnostic)
        diagnostics.append(ScanReport.Diagnostic(kind: diagnostic.kind.rawValue, path: path, message: reason))
        if diagnostic.kind == .unreadableDirectory, checks != nil {
            checks!.recordUnreadable(UnreadableEntry(path: path, reason: reason, kind: .directory))
        }
    }

    mutating func merge(_ other: BuildAccumulator) {
        sent += other.sent
        excluded += other.excluded
        skippedDirectories += other.skippedDirectories
        promotedDirectories.formUnion(other.promotedDirectories)
        largestFiles.merge(other.largestFiles)
        Self.add(other.transferred, to: &transferred)
        Self.add(other.explicitFiles, to: &explicitFiles)
        for (top, tally) in other.copyAllOnly { Self.add(tally, to: &copyAllOnly[top, default: .init()]) }
        for (gitClass, tally) in other.gitClasses { Self.add(tally, to: &gitClasses[gitClass, default: .init()]) }
        diagnostics += other.diagnostics
        if let theirs = other.checks { checks?.merge(theirs) }
        if let theirs = other.ruleUsage { ruleUsage?.merge(theirs) }
        if let theirs = other.nestedNames { nestedNames?.merge(theirs) }
        for (path, facts) in other.candidateDirectories {
            candidateDirectories[path, default: Self.uncounted(facts)].sentFiles += facts.sentFiles
            candidateDirectories[path, default: Self.uncounted(facts)].sentBytes.saturatingAdd(facts.sentBytes)
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

    /// Runs the directory checks on the candidates (after every thread's sibling markers are merged) and returns all
    /// findings of the checks.
    func finishedFindings() -> [Finding] {
        guard var checks else { return [] }
        for facts in candidateDirectories.values.sorted(by: { $0.path < $1.path }) where facts.sentFiles > 0 {
            checks.finishDirectory(facts)
        }
        return checks.finish()
    }

    /// How git sees an entry: nil outside a repository, tracked when the snapshot has no more specific answer.
    static func gitClass(_ state: ContextFilter.State) -> GitClass? {
        state.git?.gitClass ?? (state.git == nil ? nil : .tracked)
    }

    private mutating func countSent(
        _ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, pathString: String, state: SharedWalkFilter.BuildState
    ) {
        switch entry.kind {
        case .directory: sent.directories += 1
        case .symlink: sent.symlinks += 1
        case .other: sent.others += 1
        case .file: sent.files += 1
        }
        sent.bytes.saturatingAdd(entry.size)
        if entry.kind != .directory {
            for watched in state.watched {
                candidateDirectories[watched.path, default: Self.uncounted(watched)].sentBytes.saturatingAdd(entry.size)
                if entry.kind == .file {
                    candidateDirectories[watched.path, default: Self.uncounted(watched)].sentFiles += 1
                }
            }
        }
        guard entry.kind == .file else { return }
        if state.context.transferred { Self.add(entry.size, to: &transferred) }
        if let explicit = setup.explicitSourceMatcher {
            if ScanVisitor.named(path, by: explicit) {
                Self.add(entry.size, to: &explicitFiles)
            } else {
                Self.add(entry.size, to: &copyAllOnly[ScanVisitor.topLevel(path), default: .init()])
            }
        }
        largestFiles.offer(entry.size, tie: pathString, .init(path: pathString, bytes: entry.size))
        if let gitClass = Self.gitClass(state.context) {
            Self.add(entry.size, to: &gitClasses[gitClass, default: .init()])
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

    private static func uncounted(_ facts: DirectoryFacts) -> DirectoryFacts {
        var facts = facts
        facts.sentFiles = 0
        facts.sentBytes = 0
        return facts
    }

    private static func add(_ bytes: Int64, to tally: inout ScanVisitor.ClassTally) {
        tally.files += 1
        tally.bytes.saturatingAdd(bytes)
    }

    private static func add(_ other: ScanVisitor.ClassTally, to tally: inout ScanVisitor.ClassTally) {
        tally.files += other.files
        tally.bytes.saturatingAdd(other.bytes)
    }
}
