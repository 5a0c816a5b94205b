import ContextWalker
import Testing

/// A small context with every verdict: sent files and a symlink, a skipped directory, an excluded file, an excluded
/// directory with a sent child and one without, an empty sent directory.
private func makeSampleTree() throws -> TestTree {
    let tree = try TestTree()
    tree.file("Dockerfile", size: 10)
    tree.directory("app")
    tree.file("app/main.go", size: 5)
    tree.symlink("app/link", to: "main.go")
    tree.directory("build")
    tree.file("build/out.bin", size: 100)
    tree.directory("build/sub")
    tree.file("build/sub/x", size: 1)
    tree.directory("empty")
    tree.directory("logs")
    tree.file("logs/a.log", size: 2)
    tree.file("secret.env", size: 6)
    tree.directory("vendor")
    tree.file("vendor/junk.txt", size: 4)
    tree.file("vendor/keep.txt", size: 3)
    return tree
}

/// Throws if asked about anything inside build/, to prove a measured skipped directory is not decided.
private let sampleFilter = RuleFilter(
    excluded: ["secret.env"], skipped: ["build"], enteredExcluded: ["vendor", "logs"], kept: ["keep.txt"],
    failing: ["build/out.bin", "build/sub", "build/sub/x"])

private let sampleVisits = [
    "Dockerfile f size=10 depth=1 sent name=Dockerfile",
    "app d size=0 depth=1 sent name=app",
    "app/link l size=7 depth=2 sent name=link",
    "app/main.go f size=5 depth=2 sent name=main.go",
    "build d size=0 depth=1 skipped name=build",
    "empty d size=0 depth=1 sent name=empty",
    "logs d size=0 depth=1 excluded name=logs",
    "logs/a.log f size=2 depth=2 excluded name=a.log",
    "secret.env f size=6 depth=1 excluded name=secret.env",
    "vendor d size=0 depth=1 excluded name=vendor",
    "vendor/junk.txt f size=4 depth=2 excluded name=junk.txt",
    "vendor/keep.txt f size=3 depth=2 sent name=keep.txt",
]

private let measuredBuildVisits = [
    "build/out.bin f size=100 depth=2 insideSkipped name=out.bin",
    "build/sub d size=0 depth=2 insideSkipped name=sub",
    "build/sub/x f size=1 depth=3 insideSkipped name=x",
]

private func finish(
    _ path: String, _ head: String, files: Int = 0, links: Int = 0, bytes: Int = 0,
    xfiles: Int = 0, xdirs: Int = 0, xbytes: Int = 0
) -> String {
    "\(path) \(head) readable=true files=\(files) dirs=0 links=\(links) other=0 bytes=\(bytes)"
        + " xfiles=\(xfiles) xdirs=\(xdirs) xbytes=\(xbytes) unreadable=0"
}

private let sampleFinishes = [
    finish("app", "sent entered sent=true", files: 1, links: 1, bytes: 12),
    finish("build", "skipped notEntered sent=false"),
    finish("empty", "sent entered sent=true"),
    finish("logs", "excluded entered sent=false", xfiles: 1, xbytes: 2),
    finish("vendor", "excluded entered sent=true", files: 1, bytes: 3, xfiles: 1, xbytes: 4),
]

@Suite("Walking a small context")
struct WalkerBehaviorTests {
    @Test("The serial walk visits every entry in WalkDir order with BuildKit's sizes and the filter's verdicts")
    func serialEntryList() throws {
        let tree = try makeSampleTree()
        let (visitor, totals) = try record(tree, filter: sampleFilter, options: .serial())
        #expect(visitor.visits == sampleVisits)
        #expect(visitor.finishes == sampleFinishes)
        #expect(visitor.diagnostics.isEmpty)
        #expect(totals.sentFiles == 3)
        #expect(totals.sentSymlinks == 1)
        #expect(totals.sentDirectories == 3)
        #expect(totals.sentBytes == 25)
        #expect(totals.excludedFiles == 3)
        #expect(totals.excludedBytes == 12)
        #expect(totals.excludedDirectories == 2)
    }

    @Test("Measuring skipped directories walks them without asking the filter and counts them as excluded")
    func measuredSkippedDirectory() throws {
        let tree = try makeSampleTree()
        let (visitor, totals) = try record(tree, filter: sampleFilter, options: .serial(measureExcluded: true))
        #expect(visitor.visits == Array(sampleVisits[0...4]) + measuredBuildVisits + Array(sampleVisits[5...]))
        #expect(
            visitor.finishes.contains(finish("build/sub", "insideSkipped measured sent=false", xfiles: 1, xbytes: 1)))
        #expect(
            visitor.finishes.contains(finish("build", "skipped measured sent=false", xfiles: 2, xdirs: 1, xbytes: 101)))
        #expect(totals.excludedFiles == 5)
        #expect(totals.excludedBytes == 113)
        #expect(totals.excludedDirectories == 3)
        #expect(totals.sentBytes == 25)
    }

    @Test("The parallel walk reports the same entries and summaries", arguments: [2, 3, 4], [false, true])
    func parallelMatchesExpected(threads: Int, measure: Bool) throws {
        let tree = try makeSampleTree()
        let serial = try record(tree, filter: sampleFilter, options: .serial(measureExcluded: measure))
        let parallel = try record(
            tree, filter: sampleFilter, options: WalkOptions(threads: threads, measureExcluded: measure))
        #expect(parallel.visitor.sortedRecord == serial.visitor.sortedRecord)
        #expect(parallel.totals == serial.totals)
    }

    @Test("A filter error stops the walk and is rethrown with the path that failed")
    func filterErrorIsRethrown() throws {
        let tree = try makeSampleTree()
        var filter = sampleFilter
        filter.failing = ["app/main.go", "vendor/keep.txt"]
        let error = #expect(throws: WalkError.self) { try record(tree, filter: filter, options: .serial()) }
        #expect(error?.code == .filterFailed)
        #expect(error?.path == "app/main.go")
        #expect(error?.underlying as? RuleFilter.Failure == RuleFilter.Failure(path: "app/main.go"))

        let parallelError = #expect(throws: WalkError.self) {
            try record(tree, filter: filter, options: WalkOptions(threads: 2))
        }
        #expect(parallelError?.code == .filterFailed)
        #expect(filter.failing.contains(parallelError?.path ?? ""))
    }

    @Test("A root that is not a directory is a hard error that names it")
    func missingRoot() throws {
        let tree = try makeSampleTree()
        let walker = ContextWalker(root: tree.root + "/Dockerfile")
        let error = #expect(throws: WalkError.self) {
            try walker.walk(filter: sampleFilter, makeVisitor: { RecordingVisitor() })
        }
        #expect(error?.code == .rootUnreadable)
        #expect(error?.path == tree.root + "/Dockerfile")
        #expect((error?.underlying as? SystemCallError)?.errno == 20)  // ENOTDIR
    }

    @Test("Without sizes the walk visits the same entries with the same kinds, every size 0")
    func namesAndKindsOnly() throws {
        let tree = try makeSampleTree()
        let (measured, _) = try record(tree, filter: sampleFilter, options: .serial())
        var options = WalkOptions.serial()
        options.readsSizes = false
        let (unmeasured, totals) = try record(tree, filter: sampleFilter, options: options)
        let withoutSizes = { (lines: [String]) in
            lines.map { $0.replacing(/size=\d+/, with: "size=0") }
        }
        #expect(unmeasured.visits == withoutSizes(measured.visits))
        #expect(unmeasured.visits.contains { $0.contains(" f ") || $0.contains(" l ") })
        #expect(totals.sentBytes == 0 && totals.excludedBytes == 0)
    }

    @Test("Progress ends at the number of entries and the sum of their sizes")
    func progressCounts() throws {
        let tree = try makeSampleTree()
        let progress = WalkProgress()
        let result = try ContextWalker(root: tree.root, options: WalkOptions(threads: 2), progress: progress)
            .walk(filter: sampleFilter, makeVisitor: { RecordingVisitor() })
        #expect(progress.entries == result.visitor.visits.count)
        #expect(progress.bytes == 10 + 5 + 7 + 2 + 6 + 4 + 3)
    }
}
