import ContextWalker

/// Keeps everything the walker reports, as comparable lines, in the order this visitor saw it.
struct RecordingVisitor: WalkVisitor {
    var visits: [String] = []
    var finishes: [String] = []
    var diagnostics: [WalkDiagnostic] = []
    /// Visited paths in order (escaped), for order checks.
    var visitedPaths: [String] = []
    /// Finished directory paths in order (escaped).
    var finishedPaths: [String] = []
    /// Raw visited paths in order, for checking the serial walk's order.
    var visitedRawPaths: [[UInt8]] = []
    /// Visits ("v path") and finishes ("f path") in the order this visitor saw them.
    var events: [String] = []

    mutating func visit(_ entry: WalkEntry, state: Bool) {
        let path = Self.escape(entry.path)
        visitedPaths.append(path)
        visitedRawPaths.append(Array(entry.path))
        events.append("v \(path)")
        visits.append(
            "\(path) \(entry.kind.code) size=\(entry.size) depth=\(entry.depth) \(entry.disposition)"
                + (entry.isReadable ? "" : " unreadable") + " name=\(Self.escape(entry.name))")
    }

    mutating func directoryFinished(_ summary: DirectorySummary, state: Bool) {
        let path = Self.escape(summary.path)
        finishedPaths.append(path)
        events.append("f \(path)")
        let t = summary.totals
        finishes.append(
            "\(path) \(summary.disposition) \(summary.handling) sent=\(summary.isSent) readable=\(summary.isReadable)"
                + " files=\(t.sentFiles) dirs=\(t.sentDirectories) links=\(t.sentSymlinks) other=\(t.sentOther)"
                + " bytes=\(t.sentBytes) xfiles=\(t.excludedFiles) xdirs=\(t.excludedDirectories)"
                + " xbytes=\(t.excludedBytes) unreadable=\(t.unreadableDirectories)")
    }

    mutating func diagnostic(_ diagnostic: WalkDiagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func merge(_ other: consuming RecordingVisitor) {
        visits += other.visits
        finishes += other.finishes
        diagnostics += other.diagnostics
        visitedPaths += other.visitedPaths
        finishedPaths += other.finishedPaths
        visitedRawPaths += other.visitedRawPaths
        events += other.events
    }

    /// Everything, sorted: equal for two walks that reported the same multiset.
    var sortedRecord: [String] {
        visits.sorted() + ["--"] + finishes.sorted() + ["--"]
            + diagnostics.map { "\(Self.escape($0.path)) \($0.kind) \($0.syscall ?? "-") \($0.errno ?? 0)" }.sorted()
    }

    /// The path with bytes that are not printable ASCII written as \xNN.
    static func escape<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text = ""
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\x" + String(byte, radix: 16)
            }
        }
        return text
    }
}
