import ContextWalker
import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// What the walk learns for the treemap of one build (`--format html`): per directory, the bytes, files and entries
/// directly inside it, sent and kept out (the kept-out ones by the rule that decided them), and the largest files.
///
/// One record per directory, none per file but the largest; mergeable across walker threads. The counts follow
/// ``BuildTally``'s own (bytes of every entry kind, sent files are regular files, kept-out files every other entry),
/// so the root of the map adds up to the report's totals.
struct ContextMapTally: Sendable {
    /// How many of the largest files (sent or kept out) are kept as tiles of their own.
    static let largestFileCapacity = 400

    /// Entries directly inside one directory, and the directory's own verdict.
    struct Cell: Sendable {
        var sent = BuildTally.ClassTally()
        var excluded = BuildTally.ClassTally()
        /// The rule that decided every kept-out entry directly inside: ``noRule`` before the first,
        /// ``severalRules`` once two differ or an ancestor decided one.
        var excludedRule = Cell.noRule
        /// Entries directly inside (files, directories, links, others), sent and kept out.
        var sentEntries = 0
        var excludedEntries = 0
        /// The directory itself is kept out by the ignore file (it may still be sent when something below it is).
        var isExcluded = false
        /// The rule that decided the directory itself; nil when none matched or an ancestor decided.
        var rule: Int?

        static let noRule = -2
        static let severalRules = -1

        /// Counts a kept-out entry decided by `rule` (nil: an ancestor's verdict).
        mutating func exclude(_ entry: WalkEntry, rule: Int?) {
            excluded.add(file: entry.size)
            let index = rule ?? Cell.severalRules
            excludedRule = excludedRule == Cell.noRule || excludedRule == index ? index : Cell.severalRules
        }

        mutating func merge(_ other: Cell) {
            sent.add(other.sent)
            excluded.add(other.excluded)
            if other.excludedRule != Cell.noRule {
                excludedRule =
                    excludedRule == Cell.noRule || excludedRule == other.excludedRule
                    ? other.excludedRule : Cell.severalRules
            }
            sentEntries += other.sentEntries
            excludedEntries += other.excludedEntries
            isExcluded = isExcluded || other.isExcluded
            rule = rule ?? other.rule
        }
    }

    /// A file large enough that it may get a tile of its own.
    struct LargeFile: Sendable {
        var path: String
        var bytes: Int64
        var sent: Bool
        var rule: Int?
    }

    /// By directory path relative to the context (`""` for the context itself); complete once ``flushed()``.
    private var cells: [String: Cell] = ["": Cell()]
    private(set) var largestFiles = TopN<LargeFile>(capacity: largestFileCapacity)
    /// Per depth, the directory whose entries are being counted and what they add up to so far, so that an entry costs
    /// no dictionary lookup: a directory's entries come together (the walk goes down into a subdirectory and back,
    /// which uses the next depth's slot), and its cell is added to ``cells`` once it is left.
    private var open: [(bytes: [UInt8], key: String, cell: Cell)?] = []

    /// Counts one entry (`path` relative to the context root). `sent` is the build's verdict; `rule` the rule that
    /// decided the entry itself, nil when an ancestor's verdict holds (below a pruned directory) or nothing matched.
    mutating func record(_ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, sent: Bool, rule: Int?) {
        var end = path.count
        while end > 0 && path[end - 1] != UInt8(ascii: "/") { end -= 1 }
        let parent = UnsafeBufferPointer(rebasing: path[..<max(0, end - 1)])
        // The parent's depth: 0 for the context root.
        let slot = end == 0 ? 0 : 1 + parent.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        while open.count <= slot { open.append(nil) }
        let same =
            open[slot]?.bytes.withUnsafeBufferPointer { current in
                current.count == parent.count
                    && (parent.isEmpty || memcmp(current.baseAddress!, parent.baseAddress!, parent.count) == 0)
            } ?? false
        if !same {
            close(slot)
            open[slot] = (Array(parent), LosslessUTF8.decode(parent), Cell())
        }
        Self.update(&open[slot]!.cell, entry: entry, sent: sent, rule: rule)
        if entry.kind == .directory {
            Self.own(&cells[LosslessUTF8.decode(path), default: Cell()], sent: sent, rule: rule)
            return
        }
        guard entry.kind == .file else { return }
        largestFiles.offer(entry.size, tie: { LosslessUTF8.decode(path) }) { path in
            LargeFile(path: path, bytes: entry.size, sent: sent, rule: rule)
        }
    }

    /// Every directory's cell, the open ones added.
    func flushed() -> [String: Cell] {
        var copy = self
        for slot in copy.open.indices { copy.close(slot) }
        return copy.cells
    }

    /// Adds the open cell of `slot` to ``cells``.
    private mutating func close(_ slot: Int) {
        guard let current = open[slot] else { return }
        cells[current.key, default: Cell()].merge(current.cell)
        open[slot] = nil
    }

    /// Counts an entry in the cell of its parent directory.
    private static func update(_ cell: inout Cell, entry: WalkEntry, sent: Bool, rule: Int?) {
        if sent { cell.sentEntries += 1 } else { cell.excludedEntries += 1 }
        guard entry.kind != .directory else { return }
        if sent {
            cell.sent.bytes.saturatingAdd(entry.size)
            if entry.kind == .file { cell.sent.files += 1 }
        } else {
            cell.exclude(entry, rule: rule)
        }
    }

    /// Records a directory's own verdict in its cell.
    private static func own(_ cell: inout Cell, sent: Bool, rule: Int?) {
        cell.isExcluded = !sent
        cell.rule = rule
    }

    mutating func merge(_ other: ContextMapTally) {
        for (path, cell) in other.flushed() { cells[path, default: Cell()].merge(cell) }
        largestFiles.merge(other.largestFiles)
    }
}
