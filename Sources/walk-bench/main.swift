// Measures ContextWalker on a tree: `walk-bench [-j THREADS] DIR`. Every entry is sent, so every regular file and
// symlink is stat'ed, like /work/shared/bench/floorwalk.c; prints counts, bytes and the wall time.
import ContextWalker

#if canImport(Glibc)
    import Glibc
#endif

/// Sends everything.
struct SendEverything: WalkFilter {
    var rootState: Void { () }

    func decide(path: UnsafeBufferPointer<UInt8>, kind: EntryKind, parent: Void) -> FilterDecision<Void> {
        FilterDecision(.send, state: ())
    }
}

/// Counts entries by kind, as floorwalk prints them.
struct Counts: WalkVisitor {
    var files = 0, directories = 0, symlinks = 0, other = 0, diagnostics = 0
    var bytes: Int64 = 0, linkBytes: Int64 = 0

    mutating func visit(_ entry: WalkEntry, state: Void) {
        switch entry.kind {
        case .file:
            files += 1
            bytes.saturatingAdd(entry.size)
        case .directory: directories += 1
        case .symlink:
            symlinks += 1
            linkBytes.saturatingAdd(entry.size)
        case .other: other += 1
        }
    }

    mutating func directoryFinished(_ summary: DirectorySummary, state: Void) {}

    mutating func diagnostic(_ diagnostic: WalkDiagnostic) { diagnostics += 1 }

    mutating func merge(_ other: consuming Counts) {
        files += other.files
        directories += other.directories
        symlinks += other.symlinks
        self.other += other.other
        diagnostics += other.diagnostics
        bytes.saturatingAdd(other.bytes)
        linkBytes.saturatingAdd(other.linkBytes)
    }
}

func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// The walk of everything below `root`.
func walkEverything(root: String, threads: Int) throws(WalkError) -> WalkResult<Counts> {
    try ContextWalker(root: root, options: WalkOptions(threads: threads))
        .walk(filter: SendEverything(), makeVisitor: { Counts() })
}

var arguments = Array(CommandLine.arguments.dropFirst())
var threads = WalkOptions.onlineProcessors
if arguments.first == "-j", arguments.count >= 2, let count = Int(arguments[1]) {
    threads = count
    arguments.removeFirst(2)
}
guard arguments.count == 1 else {
    print("usage: walk-bench [-j THREADS] DIR")
    exit(2)
}
let start = seconds()
do {
    let result = try walkEverything(root: arguments[0], threads: threads)
    let elapsed = seconds() - start
    let counts = result.visitor
    print(
        "files=\(counts.files) dirs=\(counts.directories) symlinks=\(counts.symlinks) other=\(counts.other)",
        "bytes=\(counts.bytes) link_bytes=\(counts.linkBytes) diagnostics=\(counts.diagnostics)",
        "threads=\(threads) seconds=\(elapsed)")
} catch {
    print("walk-bench: \(error)")
    exit(1)
}
