import ContextWalker
import DockerIgnore
import GitClassifier
import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// Folds one walker thread's entries into a scan report's counts and top lists, and feeds the checks.
///
/// No record per file: only counters, bounded top-N lists, a per-extension table and the findings.
struct ScanVisitor: WalkVisitor {
    typealias State = ContextFilter.State

    /// What every worker's visitor shares.
    struct Setup: Sendable {
        /// Byte length of the absolute context root, to find entries beyond PATH_MAX.
        var rootLength: Int
        var top: Int
        /// Whether findings are computed (checks run, small files read).
        var runChecks: Bool
        var enabledChecks: Set<CheckID>?
        var git: GitStatusSnapshot?
        /// With a root source: the explicit sources, to tell what only `COPY . .` pulls in.
        var explicitSourceMatcher: IgnoreMatcher?
        /// The ignore file in force, for the lint's rule usage and nested-name sightings; nil without one.
        var ignoreFile: IgnoreFile?
    }

    /// Files and bytes of one git class.
    struct ClassTally: Sendable {
        var files = 0
        var bytes: Int64 = 0
    }

    let setup: Setup
    var largestFiles: TopN<ScanReport.FileUsage>
    var largestDirectories: TopN<ScanReport.DirectoryUsage>
    var largestIgnored: TopN<ScanReport.DirectoryUsage>
    var extensions: [String: ClassTally] = [:]
    var diagnostics: [WalkDiagnostic] = []
    var gitClasses: [GitClass: ClassTally] = [:]
    var checks: CheckRun?
    /// Which ignore-file rules matched or decided something (for the lint).
    var ruleUsage: RuleUsage?
    /// Sent entries below the root whose names the ignore file uses bare, and nested ignore files (for the lint).
    var nestedNames: NestedNameSightings?
    /// Excluded directories the walk did not need to enter.
    var skippedDirectories = 0
    /// Sent regular files BuildKit transfers for this Dockerfile.
    var transferred = ClassTally()
    /// With a root source: sent files an explicit source names.
    var explicitFiles = ClassTally()
    /// With a root source: sent files no explicit source names, by top-level entry (what `COPY . .` alone pulls in).
    var copyAllOnly: [String: ClassTally] = [:]
    /// Sent entries git ignores whose parent it does not ignore as a whole: what `fix` can exclude as a unit.
    var outermostIgnored: [ExclusionCandidate] = []
    /// Sent top-level entries with their weight: what `fix` can exclude when the Dockerfile never reads them.
    var topLevelEntries: [ExclusionCandidate] = []
    /// Directories a directory check may flag, kept until every worker's sibling markers are known.
    var directoryCandidates: [DirectoryFacts] = []
    private var reader: EntryContentReader

    init(setup: Setup) {
        self.setup = setup
        largestFiles = TopN(capacity: setup.top)
        largestDirectories = TopN(capacity: setup.top * 8)
        largestIgnored = TopN(capacity: setup.top * 4)
        reader = EntryContentReader()
        checks = setup.runChecks ? CheckRun(enabledIDs: setup.enabledChecks) : nil
        if setup.runChecks {
            ruleUsage = setup.ignoreFile.map { RuleUsage(file: $0) }
            nestedNames = NestedNameSightings(watching: setup.ignoreFile)
        }
    }

    mutating func visit(_ entry: WalkEntry, state: State) {
        if entry.disposition == .skipped && entry.kind == .directory { skippedDirectories += 1 }
        if entry.disposition != .insideSkipped {
            ruleUsage?.record(
                state: state.ignore, decidingRule: state.decidingRule, path: entry.pathString,
                isFile: entry.kind == .file,
                bytes: entry.size)
        }
        guard entry.disposition == .sent else { return }
        if checks != nil, entry.isFirstBeyondPathLimit(rootLength: setup.rootLength) {
            checks!.recordUnreadable(
                UnreadableEntry(path: entry.pathString, reason: UnreadableEntry.pathTooLongReason, kind: entry.kind))
        }
        let gitClass = state.git?.gitClass ?? (state.git == nil ? nil : .tracked)
        if gitClass == .ignored, !state.parentIgnored, entry.kind != .directory {
            outermostIgnored.append(
                ExclusionCandidate(
                    path: entry.pathString, isDirectory: false, bytes: entry.size, files: entry.kind == .file ? 1 : 0))
        }
        if entry.depth == 1 && entry.kind != .directory {
            topLevelEntries.append(
                ExclusionCandidate(
                    path: entry.pathString, isDirectory: false, bytes: entry.size, files: entry.kind == .file ? 1 : 0))
        }
        if entry.kind == .file {
            if state.transferred {
                transferred.files += 1
                transferred.bytes.saturatingAdd(entry.size)
            }
            if let explicit = setup.explicitSourceMatcher {
                if Self.named(entry.path, by: explicit) {
                    explicitFiles.files += 1
                    explicitFiles.bytes.saturatingAdd(entry.size)
                } else {
                    let top = Self.topLevel(entry.path)
                    copyAllOnly[top, default: ClassTally()].files += 1
                    copyAllOnly[top, default: ClassTally()].bytes.saturatingAdd(entry.size)
                }
            }
            largestFiles.offer(entry.size, tie: entry.pathString, .init(path: entry.pathString, bytes: entry.size))
            countExtension(entry)
            if let gitClass {
                gitClasses[gitClass, default: ClassTally()].files += 1
                gitClasses[gitClass, default: ClassTally()].bytes.saturatingAdd(entry.size)
            }
        }
        // Below a directory the checks claim whole, only an unreadable file could still be reported.
        guard checks != nil else { return }
        if state.insideQuietDirectory {
            if entry.kind == .file && !entry.isReadable {
                checks!.recordUnreadable(
                    UnreadableEntry(path: entry.pathString, reason: "permission denied", kind: .file))
            }
            return
        }
        let path = entry.pathString
        nestedNames?.record(path: path, isTracked: gitClass == .tracked)
        var facts = EntryFacts(path: path, kind: entry.kind, size: entry.size, gitClass: gitClass)
        if entry.kind == .symlink { facts.linkTarget = reader.linkTarget(entry) }
        if entry.kind == .file && !entry.isReadable {
            checks!.recordUnreadable(UnreadableEntry(path: path, reason: "permission denied", kind: .file))
        }
        checks!.visit(facts)
        if entry.kind == .file, entry.isReadable, checks!.shouldReadContent(of: facts),
            let content = reader.smallFile(entry)
        {
            checks!.scanContent(content, of: facts)
        }
    }

    mutating func directoryFinished(_ summary: DirectorySummary, state: State) {
        guard summary.isSent else { return }
        let totals = summary.totals
        if summary.depth == 1 {
            topLevelEntries.append(
                ExclusionCandidate(
                    path: summary.pathString, isDirectory: true, bytes: totals.sentBytes, files: totals.sentFiles))
        }
        if state.git?.gitClass == .ignored, !state.parentIgnored {
            outermostIgnored.append(
                ExclusionCandidate(
                    path: summary.pathString, isDirectory: true, bytes: totals.sentBytes, files: totals.sentFiles))
        }
        if totals.sentFiles > 0 {
            let path = summary.pathString
            largestDirectories.offer(
                totals.sentBytes, tie: path, .init(path: path, bytes: totals.sentBytes, files: totals.sentFiles))
            if state.git?.gitClass == .ignored {
                largestIgnored.offer(
                    totals.sentBytes, tie: path, .init(path: path, bytes: totals.sentBytes, files: totals.sentFiles))
            }
        }
        // Every directory check yields to a claimed ancestor: nothing below a quiet directory can be reported.
        guard let checks, !state.insideQuietDirectory else { return }
        let path = summary.pathString
        let facts = DirectoryFacts(
            path: path, sentFiles: totals.sentFiles, sentBytes: totals.sentBytes, gitClass: state.git?.gitClass,
            tracksAnything: setup.git?.holdsTrackedFiles(directory: path) ?? false)
        if checks.mightFlag(facts) { directoryCandidates.append(facts) }
    }

    mutating func diagnostic(_ diagnostic: WalkDiagnostic) {
        diagnostics.append(diagnostic)
        if diagnostic.kind == .unreadableDirectory, checks != nil {
            checks!.recordUnreadable(
                UnreadableEntry(path: diagnostic.pathString, reason: Self.reason(diagnostic), kind: .directory))
        }
    }

    mutating func merge(_ other: consuming ScanVisitor) {
        largestFiles.merge(other.largestFiles)
        largestDirectories.merge(other.largestDirectories)
        largestIgnored.merge(other.largestIgnored)
        for (name, tally) in other.extensions {
            extensions[name, default: ClassTally()].files += tally.files
            extensions[name, default: ClassTally()].bytes.saturatingAdd(tally.bytes)
        }
        for (gitClass, tally) in other.gitClasses {
            gitClasses[gitClass, default: ClassTally()].files += tally.files
            gitClasses[gitClass, default: ClassTally()].bytes.saturatingAdd(tally.bytes)
        }
        diagnostics += other.diagnostics
        skippedDirectories += other.skippedDirectories
        explicitFiles.files += other.explicitFiles.files
        explicitFiles.bytes.saturatingAdd(other.explicitFiles.bytes)
        transferred.files += other.transferred.files
        transferred.bytes.saturatingAdd(other.transferred.bytes)
        for (top, tally) in other.copyAllOnly {
            copyAllOnly[top, default: ClassTally()].files += tally.files
            copyAllOnly[top, default: ClassTally()].bytes.saturatingAdd(tally.bytes)
        }
        outermostIgnored += other.outermostIgnored
        topLevelEntries += other.topLevelEntries
        directoryCandidates += other.directoryCandidates
        if let theirs = other.checks { checks?.merge(theirs) }
        if let theirs = other.ruleUsage { ruleUsage?.merge(theirs) }
        if let theirs = other.nestedNames { nestedNames?.merge(theirs) }
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

    private mutating func countExtension(_ entry: WalkEntry) {
        let name = entry.name
        var dot: Int? = nil
        for index in stride(from: name.count - 1, to: 0, by: -1) where name[index] == UInt8(ascii: ".") {
            dot = index
            break
        }
        let key = dot.map { LosslessUTF8.decode(UnsafeBufferPointer(rebasing: name[$0...])) } ?? "(none)"
        extensions[key, default: ClassTally()].files += 1
        extensions[key, default: ClassTally()].bytes.saturatingAdd(entry.size)
    }
}
