import ContextWalker
import Foundation
import Testing

@testable import CtxtrimCore

@Suite(.serialized) struct MultiContextScannerTests {
    /// What must agree between a build of the shared walk and a scan of that build alone.
    struct Comparable: Equatable, CustomStringConvertible {
        var sent: ScanReport.Totals
        var excluded: ScanReport.Totals
        var skippedDirectories: Int
        var transferred: ScanReport.ClassUsage?
        var explicitFiles: ScanReport.ClassUsage?
        var largestFiles: [ScanReport.FileUsage]
        var extensions: [ScanReport.ExtensionUsage]
        /// What `fix` can exclude as a unit, and what it would save: the same from a build set as alone.
        var ignoredEntries: [ExclusionCandidate]
        var topLevelEntries: [ExclusionCandidate]
        var shrink: ShrinkReport?
        var git: [String]
        var findings: [String]

        init(_ report: ScanReport) {
            sent = report.sent
            excluded = report.excluded
            skippedDirectories = report.skippedDirectories
            transferred = report.build?.transferred
            explicitFiles = report.build?.explicitFiles
            largestFiles = report.largestFiles
            extensions = report.extensions
            ignoredEntries = report.ignoredEntries
            topLevelEntries = report.topLevelEntries
            shrink = report.shrink
            git = (report.git?.classes ?? [:]).map { "\($0.key.rawValue)=\($0.value.files)/\($0.value.bytes)" }.sorted()
            findings = report.findings.map {
                "\($0.check) \($0.path):\($0.line ?? 0) \($0.severity) \($0.anchor.map { "\($0.file):\($0.line)" } ?? "-")"
            }
        }

        var description: String {
            "sent \(sent) excluded \(excluded) transferred \(String(describing: transferred))\n"
                + "top-level \(topLevelEntries.map { "\($0.path) \($0.files)/\($0.bytes)" })\n"
                + "git-ignored \(ignoredEntries.map { "\($0.path) \($0.files)/\($0.bytes)" })\n"
                + "extensions \(extensions.map { "\($0.name) \($0.files)/\($0.bytes)" })\n"
                + "shrink \(shrink.map { "\($0.eligibleAfter) \(String(describing: $0.transferredAfter))" } ?? "none")\n"
                + findings.joined(separator: "\n")
        }
    }

    static func singleScan(_ build: DiscoveredBuild, root: String, options: ContextScanner.Options) throws -> ScanReport
    {
        let context = try BuildContext.resolve(
            context: root + "/" + build.context, dockerfile: root + "/" + build.dockerfile, ignoreFileOverride: nil)
        var options = options
        options.target = build.target
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
    }

    @Test(arguments: [true, false])
    func everyBuildFromOneWalkEqualsItsOwnScan(measureExcluded: Bool) throws {
        let repository = try ComposeRepository()
        let builds = try BuildDiscovery.discover(root: repository.path)
        #expect(builds.count == 4)
        var options = ContextScanner.Options()
        options.measureExcluded = measureExcluded
        let root = try #require(BuildContext.realPath(repository.path))
        let before = WalkCounter.walks(of: root)
        let multi = try MultiContextScanner(root: repository.path, builds: builds, options: options).scan()
        #expect(WalkCounter.walks(of: root) - before == 1)

        for scan in multi.builds {
            let single = try Self.singleScan(scan.build, root: repository.path, options: options)
            #expect(Comparable(scan.report) == Comparable(single), "\(scan.build.name)")
            #expect(scan.report.context.root == scan.build.context)
        }
        let web = try #require(multi.builds.first { $0.build.name == "web" })
        #expect(web.report.findings.contains { $0.check == "secret-content" && $0.path == ".env" })
        // package.json and the two sources.
        #expect(web.report.build?.transferred.files == 3)
        let migrate = try #require(multi.builds.first { $0.build.name == "migrate" })
        #expect(migrate.report.build?.target == "migrate")
        // package.json and the migration.
        #expect(migrate.report.build?.transferred.files == 2)
        let worker = try #require(multi.builds.first { $0.build.name == "worker" })
        // The worker's own ignore file keeps only node_modules out: its logs are sent, the web's are not.
        #expect(worker.report.sent.files > web.report.sent.files)
        #expect(worker.report.largestFiles.contains { $0.path == "debug.log" })
    }

    @Test func excludedDirectoriesWithAReincludedFileAreSent() throws {
        let repository = try ComposeRepository(git: false)
        let builds = try BuildDiscovery.discover(root: repository.path).filter { $0.name == "web" }
        let multi = try MultiContextScanner(root: repository.path, builds: builds, options: .init()).scan()
        let report = try #require(multi.builds.first?.report)
        // Sent directories: src, migrations and logs (excluded, but holding the re-included keep.log).
        #expect(report.sent.directories == 3)
        #expect(report.largestFiles.contains { $0.path == "logs/keep.log" })
        #expect(!report.largestFiles.contains { $0.path == "logs/today.log" })
    }

    /// Two services send `app` with `.dockerignore`, `worker` sends it with its Dockerfile's own ignore file and
    /// `tools` has none: what is sent counts each of the three contexts once, what is transferred counts each build.
    @Test func totalsCountEachSharedContextOnce() throws {
        let repository = try ComposeRepository(git: false)
        let builds = try BuildDiscovery.discover(root: repository.path)
        let multi = try MultiContextScanner(root: repository.path, builds: builds, options: .init()).scan()
        let totals = multi.totals
        #expect(totals.builds == 4)
        #expect(totals.contexts == 3)
        let byName = Dictionary(uniqueKeysWithValues: multi.builds.map { ($0.build.name, $0.report) })
        let distinct = try ["web", "worker", "tools/Dockerfile"].map { try #require(byName[$0]).sent }
        #expect(totals.sent.files == distinct.map(\.files).reduce(0, +))
        #expect(totals.sent.bytes == distinct.map(\.bytes).reduce(0, +))
        #expect(totals.sentByBuilds.files == multi.builds.map(\.report.sent.files).reduce(0, +))
        #expect(totals.findings == multi.builds.map(\.report.findings.count).reduce(0, +))
        #expect(
            multi.contexts.map(\.builds) == [["migrate", "web"], ["worker"], ["tools/Dockerfile"]])
        #expect(
            multi.contexts.map(\.ignoreFile) == ["app/.dockerignore", "app/worker.Dockerfile.dockerignore", nil])
    }

    @Test func aBuildAtTheRootAndOneNestedInsideItAreBothExact() throws {
        let repository = try ComposeRepository()
        try repository.write("Dockerfile", "FROM alpine:3.19\nCOPY . /repo\n")
        try repository.write(".dockerignore", "app/node_modules\ndocs\n")
        let builds = try BuildDiscovery.discover(root: repository.path)
        #expect(builds.first?.context == ".")
        let root = try #require(BuildContext.realPath(repository.path))
        let before = WalkCounter.walks(of: root)
        let multi = try MultiContextScanner(root: repository.path, builds: builds, options: .init()).scan()
        #expect(WalkCounter.walks(of: root) - before == 1)
        for scan in multi.builds {
            let single = try Self.singleScan(scan.build, root: repository.path, options: .init())
            #expect(Comparable(scan.report) == Comparable(single), "\(scan.build.name)")
        }
        let rootBuild = try #require(multi.builds.first)
        #expect(rootBuild.report.findings.contains { $0.check == "vcs-dir" && $0.path == ".git" })
    }
}
