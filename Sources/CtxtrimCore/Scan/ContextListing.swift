import ContextWalker
import DockerIgnore
import UntrustedText

/// The entries of a build context as BuildKit lists them (`TYPE<TAB>SIZE<TAB>PATH`, sorted bytewise), or the entries
/// the ignore file keeps out.
///
/// A listing is output, so it holds one record per listed entry; the walk itself keeps none.
package struct ContextListing: Sendable {
    /// One listed entry.
    package struct Entry: Sendable, Equatable {
        package var kind: EntryKind
        package var size: Int64
        /// Raw path bytes (names need not be UTF-8).
        package var path: [UInt8]
        /// For `--excluded`: a directory that was not entered; `size` is its measured subtree.
        package var skippedDirectory: Bool = false

        /// `f\t12\tpath` as in the conformance fixtures.
        package var tsv: [UInt8] { Array("\(kind.code)\t\(size)\t".utf8) + path }
        /// The path as text, raw bytes kept (``LosslessUTF8``).
        package var pathText: String { LosslessUTF8.decode(path) }
        /// The exact path bytes in base64, for JSON's `pathBytes`.
        package var pathBase64: String { Base64.encode(path) }
    }

    package let entries: [Entry]
    /// Soft problems met on the way, sorted by path.
    package let diagnostics: [ScanReport.Diagnostic]
    /// Whether this lists what the ignore file keeps out (`--excluded`) rather than what is sent.
    package let listsExcluded: Bool

    package init(entries: [Entry], diagnostics: [ScanReport.Diagnostic], listsExcluded: Bool = false) {
        self.entries = entries
        self.diagnostics = diagnostics
        self.listsExcluded = listsExcluded
    }

    /// Walks `context` with its ignore rules. `excluded` lists what is kept out instead of what is sent; skipped
    /// directories are then measured and listed once with their total size.
    package static func list(
        root: String, rules: IgnoreRules, excluded: Bool, threads: Int = WalkOptions.onlineProcessors
    ) throws -> ContextListing {
        let filter = ContextFilter(matcher: rules.matcher, git: nil)
        let walker = ContextWalker(root: root, options: WalkOptions(threads: threads, measureExcluded: excluded))
        let result = try ContextScanner.unwrapping {
            try walker.walk(filter: filter, makeVisitor: { ListingVisitor(listExcluded: excluded) })
        }
        let sorted = result.visitor.entries.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        let diagnostics = result.visitor.diagnostics
            .map { ScanReport.Diagnostic(kind: $0.kind.rawValue, path: $0.pathString, message: ScanVisitor.reason($0)) }
            .sorted { ($0.path, $0.kind) < ($1.path, $1.kind) }
        return ContextListing(entries: sorted, diagnostics: diagnostics, listsExcluded: excluded)
    }
}

/// Collects listed entries on one walker thread.
struct ListingVisitor: WalkVisitor {
    typealias State = ContextFilter.State

    let listExcluded: Bool
    var entries: [ContextListing.Entry] = []
    var diagnostics: [WalkDiagnostic] = []

    init(listExcluded: Bool) {
        self.listExcluded = listExcluded
    }

    mutating func visit(_ entry: WalkEntry, state: State) {
        switch entry.disposition {
        case .sent:
            if !listExcluded { entries.append(.init(kind: entry.kind, size: entry.size, path: Array(entry.path))) }
        case .excluded:
            // Excluded directories are decided when they finish: BuildKit sends one that has something sent below.
            if listExcluded && entry.kind != .directory {
                entries.append(.init(kind: entry.kind, size: entry.size, path: Array(entry.path)))
            }
        case .skipped:
            if listExcluded && entry.kind != .directory {
                entries.append(.init(kind: entry.kind, size: entry.size, path: Array(entry.path)))
            }
        case .insideSkipped:
            break
        }
    }

    mutating func directoryFinished(_ summary: DirectorySummary, state: State) {
        switch (summary.disposition, listExcluded) {
        case (.excluded, false) where summary.isSent:
            entries.append(.init(kind: .directory, size: 0, path: Array(summary.path)))
        case (.excluded, true) where !summary.isSent:
            entries.append(.init(kind: .directory, size: 0, path: Array(summary.path)))
        case (.skipped, true):
            entries.append(
                .init(
                    kind: .directory, size: summary.totals.excludedBytes, path: Array(summary.path),
                    skippedDirectory: true))
        default:
            break
        }
    }

    mutating func diagnostic(_ diagnostic: WalkDiagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func merge(_ other: consuming ListingVisitor) {
        entries += other.entries
        diagnostics += other.diagnostics
    }
}
