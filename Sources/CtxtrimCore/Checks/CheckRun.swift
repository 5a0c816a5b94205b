import GitClassifier

/// All enabled checks over one build context: the integrator feeds it the walk, then takes the findings.
///
/// Feed it from one thread. Order matters in one way only: feed a directory's entries before finishing its
/// subdirectories (any walker that lists a directory before descending does), so `target/` learns that a
/// `Cargo.toml` sits beside it. Everything else is order-independent: nested findings inside a directory claimed
/// by a directory finding are dropped in `finish()`, whichever came first.
package struct CheckRun: Sendable {
    private let entryChecks: [any EntryCheck]
    private let directoryChecks: [any DirectoryCheck]
    private let contentChecks: [any ContentCheck]
    private let unreadableCheck: UnreadableCheck?
    private var gitIgnoredSent: GitIgnoredSentCheck?
    /// Run on an entry no other entry check flagged, so one file gets one finding.
    private let largeFile: LargeFileCheck?
    private var untrackedBulk: UntrackedBulkCheck?
    private let yieldingCheckIDs: Set<CheckID>

    private var findings: [Finding] = []
    private var claimed = ClaimedDirectories()
    /// Project files seen per directory, until that directory is finished.
    private var markersByDirectory: [Substring: ProjectMarkers] = [:]

    /// A run of the checks whose ids are in `enabledIDs` (all checks when nil). Unknown ids are ignored: validate
    /// user input against `CheckRegistry.ids`. `largeFileThreshold` is `large-file`'s (`.ctxtrim.yml`).
    package init(enabledIDs: Set<CheckID>? = nil, largeFileThreshold: Int64 = LargeFileCheck.defaultThreshold) {
        let checks = CheckRegistry.checks.filter { enabledIDs?.contains($0.descriptor.id) ?? true }
        entryChecks = checks.compactMap { $0 is LargeFileCheck ? nil : $0 as? any EntryCheck }
        largeFile = checks.contains { $0 is LargeFileCheck } ? LargeFileCheck(threshold: largeFileThreshold) : nil
        untrackedBulk = checks.lazy.compactMap { $0 as? UntrackedBulkCheck }.first
        directoryChecks = checks.compactMap { $0 as? any DirectoryCheck }
        contentChecks = checks.compactMap { $0 as? any ContentCheck }
        unreadableCheck = checks.lazy.compactMap { $0 as? UnreadableCheck }.first
        gitIgnoredSent = checks.lazy.compactMap { $0 as? GitIgnoredSentCheck }.first
        yieldingCheckIDs = Set(checks.filter(\.descriptor.yieldsToClaimedDirectories).map(\.descriptor.id))
    }

    /// Whether some enabled content check wants the bytes of this entry (a small, non-vendored, non-lock file).
    package func shouldReadContent(of entry: EntryFacts) -> Bool {
        entry.kind == .file && contentChecks.contains { $0.shouldReadContent(path: entry.path, size: entry.size) }
    }

    /// The checks whose findings depend on what the Dockerfile transfers: `large-file` judges transferred files,
    /// `untracked-bulk` adds them up, and `git-ignored-sent` takes only what no other check (`large-file` included)
    /// flagged. A build that shares its context, ignore file and checks with another runs only these
    /// (``BuildTally/Setup/followsLeader``) and takes the other's remaining findings.
    package static let transferDependentIDs: Set<CheckID> = [.largeFile, .untrackedBulk, .gitIgnoredSent]

    /// Runs the per-entry checks on one sent entry. `flaggedElsewhere`: a run of the other checks on the same
    /// entry (another build's, see ``transferDependentIDs``) already flagged it. Returns whether an entry check
    /// other than `large-file` flagged it.
    @discardableResult
    package mutating func visit(_ entry: EntryFacts, flaggedElsewhere: Bool = false) -> Bool {
        if entry.kind == .file, !directoryChecks.isEmpty {
            let marker = ProjectMarkers.marker(forFileName: entry.name)
            if !marker.isEmpty { markersByDirectory[ContextPath.parent(of: entry.path), default: []].formUnion(marker) }
        }
        let before = findings.count
        for check in entryChecks {
            if let finding = check.check(entry) { findings.append(finding) }
        }
        let flagged = findings.count > before
        if !flagged, !flaggedElsewhere, let finding = largeFile?.check(entry) { findings.append(finding) }
        if findings.count == before, !flaggedElsewhere { gitIgnoredSent?.add(entry) }
        return flagged
    }

    /// The directories this run's directory findings claim, once ``finishDirectory(_:)`` ran for them.
    package var claimedDirectories: ClaimedDirectories { claimed }

    /// Takes another run's claims, so that this run's yielding findings inside those directories are dropped too.
    package mutating func adopt(claims: ClaimedDirectories) { claimed.formUnion(claims) }

    /// Counts a sent regular file BuildKit transfers, for `untracked-bulk`. Fed for every such file, also below
    /// directories whose entries skip `visit(_:)` (see `QuietDirectories`): their bytes are bulk too.
    package mutating func countTransferred(path: String, size: Int64, gitClass: GitClass?) {
        untrackedBulk?.add(path: path, size: size, gitClass: gitClass)
    }

    /// Runs the content checks on the bytes of a file for which `shouldReadContent(of:)` said yes.
    package mutating func scanContent(_ content: [UInt8], of entry: EntryFacts) {
        for check in contentChecks { findings += check.check(path: entry.path, content: content) }
    }

    /// Runs the directory checks on a directory whose subtree is done; a finding claims the subtree.
    package mutating func finishDirectory(_ directory: DirectoryFacts) {
        var directory = directory
        directory.siblingMarkers.formUnion(markersByDirectory[ContextPath.parent(of: directory.path)] ?? [])
        markersByDirectory[directory.path[...]] = nil
        var claims = false
        for check in directoryChecks {
            guard let finding = check.check(directory) else { continue }
            findings.append(finding)
            claims = true
        }
        if claims { claimed.claim(directory.path) }
    }

    /// Whether some directory check could flag `directory` once its sibling markers are known: a parallel walk
    /// keeps only these candidates and finishes them after every thread's markers are merged.
    package func mightFlag(_ directory: DirectoryFacts) -> Bool {
        var withAllMarkers = directory
        withAllMarkers.siblingMarkers = [.cargo, .maven, .sbt, .dotnet]
        return directoryChecks.contains { $0.check(withAllMarkers) != nil }
    }

    /// Folds the run of another walker thread into this one: findings, claims, sibling markers and git-ignored
    /// tallies. Directory checks are then finished on the merged run.
    package mutating func merge(_ other: CheckRun) {
        findings += other.findings
        claimed.formUnion(other.claimed)
        for (directory, markers) in other.markersByDirectory {
            markersByDirectory[directory, default: []].formUnion(markers)
        }
        if let theirs = other.gitIgnoredSent { gitIgnoredSent?.merge(theirs) }
        if let theirs = other.untrackedBulk { untrackedBulk?.merge(theirs) }
    }

    /// Records an entry the walker could not read.
    package mutating func recordUnreadable(_ entry: UnreadableEntry) {
        if let unreadableCheck { findings.append(unreadableCheck.check(entry)) }
    }

    /// Feeds one event to the matching methods above, as the scan does: a transferred file is counted, then visited.
    package mutating func feed(_ event: CheckEvent) {
        switch event {
        case .entry(let entry):
            if entry.kind == .file && entry.transferred {
                countTransferred(path: entry.path, size: entry.size, gitClass: entry.gitClass)
            }
            visit(entry)
        case .content(let entry, let bytes): if shouldReadContent(of: entry) { scanContent(bytes, of: entry) }
        case .directoryFinished(let directory): finishDirectory(directory)
        case .unreadable(let entry): recordUnreadable(entry)
        }
    }

    /// All findings: nested ones inside claimed directories dropped, in `FindingOrder`.
    package func finish() -> [Finding] {
        var result = findings.filter { !(yieldingCheckIDs.contains($0.check) && claimed.coversStrictly($0.path)) }
        result += gitIgnoredSent?.findings(excluding: claimed) ?? []
        result = SecretFileCheck.reconcile(result, contentChecked: contentChecks.contains { $0 is SecretContentCheck })
        result += untrackedBulk?.findings(largeFiles: result.filter { $0.check == .largeFile }) ?? []
        return FindingOrder.sorted(result)
    }
}
