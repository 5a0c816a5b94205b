import ContextWalker
import UntrustedText

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
        /// Kept-out entries directly inside, by the index of the rule that decided them (-1: an ancestor's verdict).
        var excludedByRule: [Int: BuildTally.ClassTally] = [:]
        /// Entries directly inside (files, directories, links, others), sent and kept out.
        var sentEntries = 0
        var excludedEntries = 0
        /// The directory itself is kept out by the ignore file (it may still be sent when something below it is).
        var isExcluded = false
        /// The rule that decided the directory itself; nil when none matched or an ancestor decided.
        var rule: Int?

        mutating func merge(_ other: Cell) {
            sent.add(other.sent)
            excluded.add(other.excluded)
            for (rule, tally) in other.excludedByRule { excludedByRule[rule, default: .init()].add(tally) }
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

    /// By directory path relative to the context (`""` for the context itself).
    private(set) var cells: [String: Cell] = ["": Cell()]
    private(set) var largestFiles = TopN<LargeFile>(capacity: largestFileCapacity)
    /// The last parent looked up: a directory's entries come one after another, so most lookups hit it.
    private var lastParent: (bytes: [UInt8], key: String) = ([], "")

    /// Counts one entry. `sent` is the build's verdict; `rule` the rule that decided the entry itself, nil when an
    /// ancestor's verdict holds (below a pruned directory) or nothing matched.
    mutating func record(_ entry: WalkEntry, path: UnsafeBufferPointer<UInt8>, sent: Bool, rule: Int?) {
        let parent = parentKey(of: path)
        if sent {
            cells[parent, default: Cell()].sentEntries += 1
        } else {
            cells[parent, default: Cell()].excludedEntries += 1
        }
        if entry.kind == .directory {
            let key = LosslessUTF8.decode(path)
            cells[key, default: Cell()].isExcluded = !sent
            cells[key, default: Cell()].rule = rule
            return
        }
        if sent {
            cells[parent, default: Cell()].sent.bytes.saturatingAdd(entry.size)
            if entry.kind == .file { cells[parent, default: Cell()].sent.files += 1 }
        } else {
            var tally = BuildTally.ClassTally()
            tally.add(file: entry.size)
            cells[parent, default: Cell()].excluded.add(tally)
            cells[parent, default: Cell()].excludedByRule[rule ?? -1, default: .init()].add(tally)
        }
        guard entry.kind == .file else { return }
        largestFiles.offer(
            entry.size, tie: LosslessUTF8.decode(path),
            LargeFile(path: LosslessUTF8.decode(path), bytes: entry.size, sent: sent, rule: rule))
    }

    mutating func merge(_ other: ContextMapTally) {
        for (path, cell) in other.cells { cells[path, default: Cell()].merge(cell) }
        largestFiles.merge(other.largestFiles)
    }

    /// The key of the directory holding `path`, reusing the previous lookup's String when it is the same.
    private mutating func parentKey(of path: UnsafeBufferPointer<UInt8>) -> String {
        let end = path.lastIndex(of: UInt8(ascii: "/")) ?? 0
        let parent = UnsafeBufferPointer(rebasing: path[..<end])
        if parent.elementsEqual(lastParent.bytes) { return lastParent.key }
        let key = LosslessUTF8.decode(parent)
        lastParent = (Array(parent), key)
        return key
    }
}
