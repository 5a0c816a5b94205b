import ContextWalker
import DockerIgnore
import UntrustedText

/// Collects `scan --profile`'s figures during the walk of one build at the walk root, one tally per worker thread
/// (merged after the walk), and makes the ``WalkProfile``.
///
/// Directory times come from the walker's per-visit clock (``WalkOptions/timesDirectories``), summed per top-level
/// directory. Rule times are replayed after the walk: each rule alone is matched against the walked paths (all of
/// them, or an even sample of at most ``PathSample/limit`` per worker, scaled up) and timed. That was chosen over
/// timing the matcher inside the walk because reading the clock twice per rule per entry costs more than most rules
/// (an exact or prefix pattern takes nanoseconds) and would distort the walk it measures; the replay times the rule's
/// own work on the walk's own paths. It is an upper bound: the walk does not test a rule where the parent matched it
/// or where its sign cannot change the verdict. Matched and decided counts are the walk's, read from the filter state
/// each entry carries; entries below a directory ctxtrim skips but BuildKit enters count with that directory's state.
struct ProfileTally: Sendable {
    private struct Row: Sendable {
        var path: [UInt8]
        var nanoseconds: UInt64 = 0
        var walked = 0
        var sent = 0
    }

    private struct Unprunable: Sendable {
        var path: String
        var totals: SubtreeTotals
    }

    let matcher: IgnoreMatcher
    /// Row 0 holds the top-level files (and the visit of the context root).
    private var rows: [Row] = [Row(path: [])]
    private var rowIndex: [[UInt8]: Int] = [:]
    /// The top-level directory of the last entry, a cache: a worker walks one subtree at a time.
    private var cachedTop: [UInt8] = []
    private var cachedRow = -1
    private var matched: [Int]
    private var decided: [Int]
    private var notSent: [Int]
    private var measuringNanoseconds: UInt64 = 0
    private var unprunable: [Unprunable] = []
    private var sample = PathSample()
    private var mergedSamples: [PathSample] = []

    init(matcher: IgnoreMatcher) {
        self.matcher = matcher
        let count = matcher.file.rules.count
        matched = Array(repeating: 0, count: count)
        decided = Array(repeating: 0, count: count)
        notSent = Array(repeating: 0, count: count)
    }

    /// Whether BuildKit's walk visits the entry: not when ctxtrim only measures a directory BuildKit prunes. Below a
    /// skipped directory the walker hands down that directory's state.
    private static func isWalked(_ entry: WalkEntry, _ build: BuildSetFilter.BuildState) -> Bool {
        !((entry.disposition == .insideSkipped || build.insideSkipped) && build.context.dockerPrunes)
    }

    mutating func visit(_ entry: WalkEntry, build: BuildSetFilter.BuildState) {
        guard Self.isWalked(entry, build) else { return }
        let context = build.context
        let sent = entry.disposition == .sent
        let row = row(for: entry.path, isTopFile: entry.depth == 1 && entry.kind != .directory)
        rows[row].walked += 1
        if sent { rows[row].sent += 1 }
        for index in matched.indices where context.ignore.matched(index) { matched[index] += 1 }
        if let rule = context.decidingRule {
            decided[rule] += 1
            if !sent { notSent[rule] += 1 }
        }
        sample.offer(entry.path)
    }

    mutating func directoryFinished(_ summary: DirectorySummary, build: BuildSetFilter.BuildState) {
        guard summary.disposition != .insideSkipped, !build.insideSkipped else { return }
        if summary.disposition == .excluded && summary.isSent {
            // Visited as not sent; BuildKit sends it because something below it is sent.
            rows[row(for: summary.path, isTopFile: false)].sent += 1
            if let rule = build.context.decidingRule { notSent[rule] -= 1 }
        }
        let context = build.context
        if summary.disposition == .excluded || summary.disposition == .skipped, !context.dockerPrunes,
            !context.parentExcluded, !matcher.pruningEnabled, matcher.exceptionsAllowPruning(directory: summary.path)
        {
            unprunable.append(Unprunable(path: summary.pathString, totals: summary.totals))
        }
    }

    mutating func directoryTimed(
        path: UnsafeBufferPointer<UInt8>, build: BuildSetFilter.BuildState?, nanoseconds: UInt64
    ) {
        if let build, build.insideSkipped || build.verdict == .skip, build.context.dockerPrunes {
            measuringNanoseconds &+= nanoseconds
            return
        }
        rows[row(for: path, isTopFile: false)].nanoseconds &+= nanoseconds
    }

    mutating func merge(_ other: consuming ProfileTally) {
        for theirs in other.rows {
            let index: Int
            if theirs.path.isEmpty {
                index = 0
            } else if let known = rowIndex[theirs.path] {
                index = known
            } else {
                index = rows.count
                rowIndex[theirs.path] = index
                rows.append(Row(path: theirs.path))
            }
            rows[index].nanoseconds &+= theirs.nanoseconds
            rows[index].walked += theirs.walked
            rows[index].sent += theirs.sent
        }
        for index in matched.indices {
            matched[index] += other.matched[index]
            decided[index] += other.decided[index]
            notSent[index] += other.notSent[index]
        }
        measuringNanoseconds &+= other.measuringNanoseconds
        unprunable += other.unprunable
        mergedSamples.append(other.sample)
        mergedSamples += other.mergedSamples
    }

    /// The row of the top-level directory holding `path` (row 0 for the root and for a top-level non-directory).
    private mutating func row(for path: UnsafeBufferPointer<UInt8>, isTopFile: Bool) -> Int {
        if isTopFile || path.isEmpty { return 0 }
        let length = cachedTop.count
        if cachedRow >= 0, path.count >= length, path.count == length || path[length] == UInt8(ascii: "/"),
            cachedTop.withUnsafeBufferPointer({ $0.elementsEqual(path.prefix(length)) })
        {
            return cachedRow
        }
        let top = Array(path.prefix(path.firstIndex(of: UInt8(ascii: "/")) ?? path.count))
        let index: Int
        if let known = rowIndex[top] {
            index = known
        } else {
            index = rows.count
            rowIndex[top] = index
            rows.append(Row(path: top))
        }
        cachedTop = top
        cachedRow = index
        return index
    }

    /// The profile, with the rules replayed now, the lists cut to `top`.
    func finished(walkSeconds: Double, threads: Int, top: Int) -> WalkProfile {
        let samples = [sample] + mergedSamples
        let file = matcher.file
        let rules = file.rules.enumerated().map { index, rule in
            WalkProfile.Rule(
                file: rule.source, line: rule.line, pattern: rule.displayPattern, isException: rule.isException,
                seconds: replay(rule: index, samples), matched: matched[index], decided: decided[index],
                walkedNotSent: notSent[index])
        }
        var directories = rows.compactMap { row -> WalkProfile.TopDirectory? in
            if row.path.isEmpty && row.walked == 0 { return nil }
            return WalkProfile.TopDirectory(
                path: row.path.isEmpty ? WalkProfile.TopDirectory.topFilesPath : LosslessUTF8.decode(row.path),
                seconds: Double(row.nanoseconds) / 1e9,
                entries: WalkProfile.Entries(walked: row.walked, sent: row.sent))
        }
        var entries = WalkProfile.Entries()
        for directory in directories {
            entries.walked += directory.entries.walked
            entries.sent += directory.entries.sent
        }
        directories.sort {
            ($0.seconds, $0.entries.walked, $1.path) > ($1.seconds, $1.entries.walked, $0.path)
        }
        let references = file.rules.filter(WildcardExceptionCheck.disablesPruning).map {
            WalkProfile.RuleReference(file: $0.source, line: $0.line, pattern: $0.displayPattern)
        }
        var directoriesKeptOpen = unprunable.map { found in
            let totals = found.totals
            let sent = totals.sentFiles + totals.sentDirectories + totals.sentSymlinks + totals.sentOther
            let walked = sent + totals.excludedFiles + totals.excludedDirectories
            return WalkProfile.UnprunableDirectory(
                path: found.path, rules: references, entries: walked,
                bytes: totals.sentBytes.saturatingAdding(totals.excludedBytes), sent: sent,
                savingEntries: walked - sent)
        }
        directoriesKeptOpen.sort { ($0.entries, $1.path) > ($1.entries, $0.path) }
        return WalkProfile(
            walkSeconds: walkSeconds, threads: threads, measuringSeconds: Double(measuringNanoseconds) / 1e9,
            entries: entries, topDirectories: Array(directories.prefix(top)), rules: rules,
            unprunable: Array(directoriesKeptOpen.prefix(top)), top: top)
    }

    /// Seconds to match rule `index` alone against every walked path, estimated from the samples.
    private func replay(rule index: Int, _ samples: [PathSample]) -> Double {
        let clock = ContinuousClock()
        var seconds = 0.0
        var hits = 0
        for sample in samples where sample.count > 0 {
            let elapsed = clock.measure {
                sample.forEach { path in
                    if matcher.ruleMatches(index, path) { hits &+= 1 }
                }
            }
            seconds += Self.seconds(elapsed) * sample.weight
        }
        // Keeps the matching from being optimized away.
        if hits < 0 { seconds = -seconds }
        return seconds
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
