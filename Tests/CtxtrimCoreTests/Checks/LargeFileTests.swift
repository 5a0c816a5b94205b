import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// `large-file` and `untracked-bulk` on real trees in real git repositories: big files are sparse (`ftruncate`), so
/// no test writes megabytes.
@Suite struct LargeFileTests {
    /// A sparse file of `size` bytes at `relative`.
    static func sparse(_ tree: TemporaryTree, _ relative: String, size: UInt64) throws {
        let path = try tree.write(relative, "")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    static let mebibyte: UInt64 = 1 << 20

    /// A small Python service committed to git, with `extra` ignored by git.
    static func service(ignored: [String] = [], dockerfile: String = "FROM python:3.13-slim\nCOPY . /app\n")
        throws -> (TemporaryTree, GitRepository)
    {
        let tree = try TemporaryTree("large-file")
        try tree.write("Dockerfile", dockerfile)
        try tree.write("app/main.py", "print('hello')\n")
        try tree.write("requirements.txt", "fastapi==0.115.0\n")
        let repository = try GitRepository.create(in: tree)
        try repository.ignore(ignored)
        try repository.commitAll("service")
        return (tree, repository)
    }

    /// A scan with every check and git on, as `scan` runs it.
    static func scan(_ tree: TemporaryTree, configure: (inout ContextScanner.Options) -> Void = { _ in }) throws
        -> ScanReport
    {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        options.suggestionRate = nil
        configure(&options)
        return try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options).scan()
    }

    static func findings(_ report: ScanReport, _ id: CheckID) -> [Finding] {
        report.findings.filter { $0.check == id }
    }

    @Test func aTrackedBigFileIsNotReported() throws {
        let (tree, repository) = try Self.service()
        try Self.sparse(tree, "assets/intro.mp4", size: 30 * Self.mebibyte)
        try repository.commitAll("the project ships its video")
        let report = try Self.scan(tree)
        #expect(Self.findings(report, .largeFile).isEmpty, "\(report.findings)")
        #expect(Self.findings(report, .untrackedBulk).isEmpty)
    }

    @Test func anUntrackedDumpIsReportedWithItsKind() throws {
        let (tree, _) = try Self.service()
        try Self.sparse(tree, "backup/prod-2024-05-01.sql.gz", size: 40 * Self.mebibyte)
        let report = try Self.scan(tree)
        let large = Self.findings(report, .largeFile)
        #expect(large.map(\.path) == ["backup/prod-2024-05-01.sql.gz"])
        #expect(large.first?.severity == .warning)
        #expect(large.first?.bytes == Int64(40 * Self.mebibyte))
        let message = large.first?.message ?? ""
        #expect(message.contains("is a database dump (40.0 MiB, untracked)"), "\(message)")
        #expect(message.contains("add `backup/prod-2024-05-01.sql.gz` to .dockerignore"), "\(message)")
        // The missing ignore file is judged by it, and names it.
        let missing = Self.findings(report, .ignoreFileMissing)
        #expect(missing.first?.message.contains("`backup/prod-2024-05-01.sql.gz` (40.0 MiB, large-file)") == true)
    }

    @Test func gitIgnoredModelWeightsAreReportedAndNotCountedAgainAsGitIgnored() throws {
        let (tree, _) = try Self.service(ignored: ["models/"])
        try Self.sparse(tree, "models/bert-base/pytorch_model.bin", size: 420 * Self.mebibyte)
        try tree.write("models/bert-base/config.json", "{\"hidden_size\": 768}\n")
        let report = try Self.scan(tree)
        let large = Self.findings(report, .largeFile)
        #expect(large.map(\.path) == ["models/bert-base/pytorch_model.bin"])
        #expect(large.first?.message.contains("a model weights file (420 MiB, git-ignored)") == true)
        // git-ignored-sent counts the rest of `models/`, not the weights a second time.
        let ignored = Self.findings(report, .gitIgnoredSent)
        #expect(ignored.map(\.path) == ["models"])
        #expect(ignored.first?.bytes == 21)
    }

    @Test func anyBigFileOutsideGitIsReported() throws {
        let tree = try TemporaryTree("large-file-no-git")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY . /srv\n")
        try Self.sparse(tree, "core.4242", size: 12 * Self.mebibyte)
        try Self.sparse(tree, "vm/disk.qcow2", size: 64 * Self.mebibyte)
        let report = try Self.scan(tree)
        let large = Self.findings(report, .largeFile)
        #expect(large.map(\.path) == ["core.4242", "vm/disk.qcow2"])
        #expect(large.first?.message.contains("a core dump (12.0 MiB, not in git)") == true)
        #expect(large.last?.message.contains("a disk image") == true)
        #expect(Self.findings(report, .untrackedBulk).isEmpty, "no bulk summary without git")
    }

    @Test func aFileNoExplicitSourceReadsIsNotTransferredSoNotReported() throws {
        let (tree, _) = try Self.service(dockerfile: "FROM python:3.13-slim\nCOPY app /app\n")
        try Self.sparse(tree, "dump.sql", size: 50 * Self.mebibyte)
        try Self.sparse(tree, "app/fixtures.db", size: 20 * Self.mebibyte)
        let report = try Self.scan(tree)
        #expect(Self.findings(report, .largeFile).map(\.path) == ["app/fixtures.db"])
        let bulk = Self.findings(report, .untrackedBulk)
        #expect(bulk.first?.bytes == Int64(20 * Self.mebibyte), "only what `COPY app` transfers: \(bulk)")
    }

    @Test func anIgnoreFileThatExcludesTheFileSilencesIt() throws {
        let (tree, _) = try Self.service()
        try tree.write(".dockerignore", "/dump.sql\n")
        try Self.sparse(tree, "dump.sql", size: 50 * Self.mebibyte)
        let report = try Self.scan(tree)
        #expect(Self.findings(report, .largeFile).isEmpty)
        #expect(Self.findings(report, .untrackedBulk).isEmpty)
    }

    @Test func theThresholdFromCtxtrimYmlIsHonoured() throws {
        let (tree, _) = try Self.service()
        try Self.sparse(tree, "exports/report.zip", size: 3 * Self.mebibyte)
        try tree.write(".dockerignore", ".git\n")
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        options.suggestionRate = nil
        let byDefault = try GateOutcome.check(context, overrides: .init(), options: options)
        #expect(Self.findings(byDefault.report, .largeFile).isEmpty)

        try tree.write(".ctxtrim.yml", "large-file-threshold: 2MiB\n")
        let lowered = try GateOutcome.check(context, overrides: .init(), options: options)
        let large = Self.findings(lowered.report, .largeFile)
        #expect(large.map(\.path) == ["exports/report.zip"])
        #expect(large.first?.message.contains("an archive (3.0 MiB, untracked)") == true)
        #expect(!lowered.failed, "a warning does not fail the default check")
    }

    @Test func checkAllHonoursEachBuildsThreshold() throws {
        let tree = try TemporaryTree("large-file-all")
        for service in ["api", "worker"] {
            try tree.write("\(service)/Dockerfile", "FROM alpine:3.20\nCOPY . /srv\n")
            try tree.write("\(service)/.dockerignore", ".ctxtrim.yml\n")
        }
        try tree.write("worker/.ctxtrim.yml", "large-file-threshold: 1MiB\n")
        try GitRepository.create(in: tree).commitAll("services")
        try Self.sparse(tree, "api/seed.sqlite", size: 2 * Self.mebibyte)
        try Self.sparse(tree, "worker/seed.sqlite", size: 2 * Self.mebibyte)
        var options = ContextScanner.Options()
        options.threads = 2
        options.suggestionRate = nil
        let outcomes = try BuildGateOutcome.checkAll(root: tree.path, overrides: .init(), options: options)
        let large = outcomes.map { entry in
            entry.outcome.report.findings.filter { $0.check == .largeFile }.map { "\(entry.build.context)/\($0.path)" }
        }
        #expect(large == [[], ["worker/seed.sqlite"]])
    }

    @Test(arguments: [
        ("large-file-threshold: huge\n", 1, "large-file-threshold must be a size"),
        ("fail-on: error\nlarge-file-threshold: -5MiB\n", 2, "large-file-threshold must be a size"),
        ("budgets:\n  max-size: 1GiB\nlarge-file-threshold: 0\n", 3, "must be at least 1 byte"),
        ("large-file-threshold: [1, 2]\n", 1, "must be a single value"),
    ])
    func aBadThresholdIsAnErrorNamingFileAndLine(text: String, line: Int, problem: String) throws {
        let error = #expect(throws: ConfigError.self) { try CtxtrimConfig.parse(text, source: "svc/.ctxtrim.yml") }
        #expect(error?.code == .invalidValue)
        #expect(error?.line == line)
        #expect(error?.keyPath == "large-file-threshold")
        #expect(error?.message.hasPrefix("svc/.ctxtrim.yml:\(line): ") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(problem) == true, "\(error?.message ?? "")")
    }

    @Test func theThresholdParsesAsASize() throws {
        let config = try CtxtrimConfig.parse("large-file-threshold: 1.5GB\n", source: ".ctxtrim.yml")
        #expect(config.largeFileThreshold == 1_500_000_000)
        #expect(try CtxtrimConfig.parse("fail-on: error\n", source: ".ctxtrim.yml").largeFileThreshold == nil)
    }

    /// The descriptor's fix group is all `ctxtrim fix` needs: the planner excludes the flagged path itself.
    @Test func fixExcludesALargeFileByItsPath() throws {
        let tree = try TemporaryTree("large-file-fix")
        try tree.write("Dockerfile", "FROM python:3.13-slim\nCOPY . /app\n")
        try tree.write("app.py", "print(1)\n")
        try Self.sparse(tree, "data/prod.sqlite", size: 30 * Self.mebibyte)
        let report = try Self.scan(tree) { $0.git = false }
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        let plan = try FixPlanner.plan(
            report: report, analysis: try DockerfileAnalysis.load(context: context), strategy: .deny)
        let bulk = try #require(plan.groups.first { $0.reason == "bulk" }, "\(plan.groups)")
        #expect(bulk.patterns == ["data/prod.sqlite"])
        #expect(bulk.bytes == Int64(30 * Self.mebibyte))
    }

    @Test func untrackedBulkSumsBothSidesAndNamesTheTopThree() throws {
        let (tree, repository) = try Self.service(ignored: ["node_modules/", ".venv/"])
        try tree.write(".dockerignore", ".git\n")
        try repository.commitAll("ignore file")
        try Self.sparse(tree, "node_modules/typescript/lib/typescript.js", size: 9 * Self.mebibyte)
        try Self.sparse(tree, ".venv/lib/torch/libtorch.so", size: 5 * Self.mebibyte)
        try Self.sparse(tree, "dump.sql", size: 30 * Self.mebibyte)
        try Self.sparse(tree, "notes.txt", size: 2 * Self.mebibyte)
        let report = try Self.scan(tree)
        let bulk = Self.findings(report, .untrackedBulk)
        #expect(bulk.count == 1)
        let finding = try #require(bulk.first)
        #expect(finding.subject == .context && finding.severity == .warning)
        // About no file of its own, it is annotated at the `COPY . /app` line that sends it all.
        #expect(finding.anchor == .init(file: "Dockerfile", line: 2))
        #expect(ReportLocation(finding: finding, pathPrefix: "svc") == .init(path: "svc/Dockerfile", line: 2))
        #expect(finding.bytes == Int64(46 * Self.mebibyte) && finding.files == 4)
        #expect(
            finding.message.contains("make up 46.0 MiB (4 files) of what the build transfers"), "\(finding.message)")
        let tracked = try #require(report.git?.classes[.tracked]?.bytes)
        #expect(tracked < 200)
        #expect(finding.message.contains("against \(tracked) B of tracked files"), "\(finding.message)")
        #expect(
            finding.message.contains("largest: `dump.sql` 30.0 MiB, `node_modules/` 9.0 MiB, `.venv/` 5.0 MiB."),
            "\(finding.message)")
        #expect(finding.message.contains("1 of them (30.0 MiB) is reported as large-file"), "\(finding.message)")
        // The same bytes are a finding of their own where a check names them: only the dump is a large file.
        #expect(Self.findings(report, .largeFile).map(\.path) == ["dump.sql"])
    }

    @Test func untrackedBulkStaysQuietWhenTrackedSourcesWeighMore() throws {
        let (tree, repository) = try Self.service()
        try Self.sparse(tree, "vendor/blob.dat", size: 8 * Self.mebibyte)
        try repository.commitAll("vendored")
        try Self.sparse(tree, "scratch.dat", size: 3 * Self.mebibyte)
        let report = try Self.scan(tree)
        #expect(Self.findings(report, .untrackedBulk).isEmpty, "\(report.findings)")
        #expect(Self.findings(report, .largeFile).isEmpty)
    }

    @Test(arguments: [
        ("data/prod.sqlite3", LargeFileCheck.Kind.databaseDump), ("backups/db.dump", .databaseDump),
        ("site.tar.gz", .archive), ("release.7z", .archive), ("x/y.tgz", .archive),
        ("weights/model.safetensors", .modelWeights), ("llama-3-8b.Q4_K_M.gguf", .modelWeights),
        ("checkpoints/epoch-3.bin", .modelWeights), ("firmware.bin", .other), ("core", .coreDump),
        ("crash/core.31337", .coreDump), ("app.core", .coreDump), ("corefile", .other), ("ubuntu.iso", .diskImage),
        ("vm/win.vhdx", .diskImage), ("demo.mov", .media), ("design/hero.psd", .media), ("voice.wav", .media),
        ("data.parquet", .other), ("backup.bak", .databaseDump),
    ])
    func kindsFollowTheNameAndPlace(path: String, kind: LargeFileCheck.Kind) {
        #expect(LargeFileCheck.kind(of: path) == kind)
    }
}
