import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Trees a pull request from a fork can hold, at the scale and with the oddities that break walkers: 200,000 entries
/// in one directory, symlink loops, sockets, FIFOs and devices, sparse files of 10 GiB and of `Int64.max` bytes, and a
/// tree that changes while it is walked. Each is built at test time and run through the built binary; every run has a
/// time limit (SIGKILL after it) several times what it takes here, and its peak memory is read from wait4(2).
///
/// Times and peaks measured on the shared 2-core machine with the debug build (load average 2-7) are noted beside
/// each test; limits are five times those or more, so a loaded CI runner does not fail them.
@Suite(.serialized) struct HostileScaleTests {
    static let dockerfile = "FROM alpine:3.20\nCOPY . /app\n"
    static let ignoreFile = ".git\n"
    static let gibibytes10: Int64 = 10 << 30

    /// A context with a Dockerfile and a `.dockerignore` under `tree`, and a place beside it for files that must
    /// not be scanned.
    static func context(_ tree: TemporaryTree) throws -> (context: RawDirectory, outside: RawDirectory) {
        try tree.write("context/Dockerfile", dockerfile)
        try tree.write("context/.dockerignore", ignoreFile)
        return (try RawDirectory(tree.path + "/context"), try RawDirectory(tree.path + "/outside"))
    }

    /// Bytes of the Dockerfile and the ignore file, which every context here sends.
    static let inputBytes = Int64(dockerfile.utf8.count + ignoreFile.utf8.count)

    // MARK: 200,000 entries

    /// Every file is small and has no extension, so the content checks open and read each one: the most work an
    /// entry can cost. Measured: building 4-11 s (hard links); scan 16-27 s at 32-35 MB; ls 7-11 s at 54 MB; removal
    /// 3 s. Limits: scan 150 s, ls 60 s, 300 MB each.
    @Test func twoHundredThousandEntriesInOneDirectoryAreCountedExactly() throws {
        let tree = try TemporaryTree("scale-200k")
        let (context, outside) = try Self.context(tree)
        let bytes = try context.directory("big").files(
            count: 200_000, prefix: "f", sizes: [1, 2, 3, 4], seeds: outside)
        #expect(bytes == 500_000)

        let scan = try MeasuredProcess.run(["scan", context.path, "--format", "json"], timeLimit: 150)
        #expect(!scan.timedOut && scan.status == 0, "\(scan.cost) \(scan.stderr)")
        let sent = try Self.sentTotals(scan)
        #expect(sent == ["files": 200_002, "dirs": 1, "symlinks": 0, "others": 0, "bytes": bytes + Self.inputBytes])
        #expect(scan.seconds < 150, "scan: \(scan.cost)")
        #expect(scan.peakMemoryBytes < 300 << 20, "scan: \(scan.cost)")

        let ls = try MeasuredProcess.run(["ls", context.path, "--format", "tsv", "-0"], timeLimit: 60)
        #expect(!ls.timedOut && ls.status == 0, "\(ls.cost) \(ls.stderr)")
        let records = Self.records(ls.stdout)
        #expect(records.count == 200_003)
        #expect(records.filter { $0.path.starts(with: Array("big/".utf8)) }.count == 200_000)
        #expect(records.reduce(0) { $0 + $1.size } == bytes + Self.inputBytes)
        #expect(records.first { $0.path == Array("big".utf8) } == Record("d", 0, "big"))
        #expect(ls.seconds < 60, "ls: \(ls.cost)")
        #expect(ls.peakMemoryBytes < 300 << 20, "ls: \(ls.cost)")
    }

    // MARK: symlink loops

    /// Measured: each run 0.05-0.12 s at 26-32 MB; limit 30 s.
    @Test func symlinkLoopsAreListedAsLinksAndNeverFollowed() throws {
        let tree = try TemporaryTree("scale-links")
        let (context, _) = try Self.context(tree)
        let loops = try context.directory("loops")
        try loops.symlink("a", to: "b")
        try loops.symlink("b", to: "a")
        try loops.symlink("self", to: "self")
        try loops.symlink("up", to: "..")
        try loops.directory("deep").symlink("up", to: "../..")
        try context.symlink("root", to: "/")
        try context.symlink("here", to: context.path)
        try context.symlink("dangling", to: "nowhere")
        let expected: [Record] = [
            .init("f", Int64(Self.ignoreFile.utf8.count), ".dockerignore"),
            .init("f", Int64(Self.dockerfile.utf8.count), "Dockerfile"),
            .init("l", 7, "dangling"),
            .init("l", Int64(context.path.utf8.count), "here"),
            .init("d", 0, "loops"), .init("l", 1, "loops/a"), .init("l", 1, "loops/b"), .init("d", 0, "loops/deep"),
            .init("l", 5, "loops/deep/up"), .init("l", 4, "loops/self"), .init("l", 2, "loops/up"),
            .init("l", 1, "root"),
        ]
        let ls = try MeasuredProcess.run(["ls", context.path, "--format", "tsv", "-0"], timeLimit: 30)
        #expect(!ls.timedOut && ls.status == 0, "\(ls.cost) \(ls.stderr)")
        #expect(Self.records(ls.stdout) == expected)

        let scan = try MeasuredProcess.run(["scan", context.path, "--format", "json"], timeLimit: 30)
        #expect(!scan.timedOut && scan.status == 0, "\(scan.cost) \(scan.stderr)")
        #expect(
            try Self.sentTotals(scan) == [
                "files": 2, "dirs": 2, "symlinks": 8, "others": 0, "bytes": expected.reduce(0) { $0 + $1.size },
            ])
        #expect(try Self.diagnostics(scan).isEmpty)

        let check = try MeasuredProcess.run(["check", context.path, "--format", "json"], timeLimit: 30)
        #expect(!check.timedOut && check.status == 0, "\(check.cost) \(check.output) \(check.stderr)")
        let fix = try MeasuredProcess.run(["fix", context.path, "--dry-run"], timeLimit: 30)
        #expect(!fix.timedOut && fix.status == 0, "\(fix.cost) \(fix.stderr)")
    }

    // MARK: sockets, FIFOs, devices

    /// Measured: each run 0.05-0.09 s at 26-32 MB; limit 30 s. A FIFO opened for reading without a writer would block
    /// the run until its time limit.
    @Test func socketsAndFIFOsAreListedAsOtherAndNeverOpened() throws {
        let tree = try TemporaryTree("scale-special")
        let (context, _) = try Self.context(tree)
        let run = try context.directory("run")
        try run.socket("app.sock")
        try run.fifo("events")
        try context.directory("keys").fifo("id_rsa")
        // `run/events` holds bytes through a descriptor the test keeps open: whatever reads the FIFO takes them.
        // `keys/id_rsa` has no writer, so a blocking open of it would hang: the time limit would end the run.
        let held = try HeldFIFO(context.path + "/run/events")
        let special = ["keys/id_rsa", "run/app.sock", "run/events"]
        try expectSpecialFilesAreOnlyListed(context, special: special)
        #expect(held.stillHoldsItsBytes(), "run/events was read")
    }

    /// Whether mknod(2) works here (it needs CAP_MKNOD, which root in a container may lack).
    static let mknodRefusal: Int32 = {
        guard let scratch = try? TemporaryTree("mknod"), let probe = try? RawDirectory(scratch.path) else {
            return ENOENT
        }
        return withExtendedLifetime(scratch) { probe.device("null", block: false, major: 1, minor: 3) }
    }()

    /// Measured: each run 0.05-0.09 s at 26-32 MB; limit 30 s.
    @Test(.enabled(if: mknodRefusal == 0, "mknod(2) is refused here (no CAP_MKNOD): device nodes cannot be made"))
    func deviceNodesAreListedAsOtherAndNeverOpened() throws {
        let tree = try TemporaryTree("scale-devices")
        let (context, _) = try Self.context(tree)
        let devices = try context.directory("devices")
        // /dev/zero and /dev/urandom never end; one is named as a file the content checks read.
        for (name, block, major, minor) in [
            ("null", false, 1, 3), ("zero", false, 1, 5), ("urandom", false, 1, 9), ("settings.py", false, 1, 5),
            ("loop0", true, 7, 0),
        ] as [(String, Bool, UInt32, UInt32)] {
            let refused = devices.device(name, block: block, major: major, minor: minor)
            try #require(refused == 0, "mknod \(name): \(String(cString: strerror(refused)))")
        }
        try expectSpecialFilesAreOnlyListed(
            context,
            special: ["devices/loop0", "devices/null", "devices/settings.py", "devices/urandom", "devices/zero"])
    }

    /// `special` (sorted) are listed as `o` with size 0, counted as others, reported as `special-file`, and every
    /// command ends normally.
    private func expectSpecialFilesAreOnlyListed(_ context: RawDirectory, special: [String]) throws {
        let directories = Set(special.map { String($0.split(separator: "/")[0]) }).sorted()
        let expected =
            ([
                Record("f", Int64(Self.ignoreFile.utf8.count), ".dockerignore"),
                Record("f", Int64(Self.dockerfile.utf8.count), "Dockerfile"),
            ] + directories.map { Record("d", 0, $0) } + special.map { Record("o", 0, $0) })
            .sorted { $0.path.lexicographicallyPrecedes($1.path) }
        let ls = try MeasuredProcess.run(["ls", context.path, "--format", "tsv", "-0"], timeLimit: 30)
        #expect(!ls.timedOut && ls.status == 0, "\(ls.cost) \(ls.stderr)")
        #expect(Self.records(ls.stdout) == expected)

        let scan = try MeasuredProcess.run(["scan", context.path, "--format", "json"], timeLimit: 30)
        #expect(!scan.timedOut && scan.status == 0, "\(scan.cost) \(scan.stderr)")
        #expect(
            try Self.sentTotals(scan) == [
                "files": 2, "dirs": Int64(directories.count), "symlinks": 0, "others": Int64(special.count),
                "bytes": Self.inputBytes,
            ])
        let diagnostics = try Self.diagnostics(scan)
        #expect(diagnostics.filter { $0.kind == "special-file" }.map(\.path) == special)
        #expect(diagnostics.allSatisfy { $0.kind == "special-file" }, "\(diagnostics)")

        for arguments in [["check", context.path, "--format", "json"], ["fix", context.path, "--dry-run"]] {
            let result = try MeasuredProcess.run(arguments, timeLimit: 30)
            #expect(!result.timedOut && result.status == 0, "\(arguments): \(result.cost) \(result.stderr)")
        }
    }

    // MARK: sparse files

    /// Measured: each run 0.06-0.11 s at 26-32 MB; limits 30 s and 128 MB. A whole read of one file would take
    /// minutes and 10 GiB.
    @Test func sparseTenGibibyteFilesAreSizedExactlyAndNeverReadWhole() throws {
        let tree = try TemporaryTree("scale-sparse")
        let (context, _) = try Self.context(tree)
        try context.directory("data").sparseFile("huge.bin", size: Self.gibibytes10)
        try context.sparseFile(".env", size: Self.gibibytes10)
        try context.directory("app").sparseFile("settings.py", size: Self.gibibytes10)
        var info = stat()
        #expect(stat(context.path + "/.env", &info) == 0 && info.st_blocks < 2048, "not sparse here")
        let expected: [Record] = [
            .init("f", Int64(Self.ignoreFile.utf8.count), ".dockerignore"), .init("f", Self.gibibytes10, ".env"),
            .init("f", Int64(Self.dockerfile.utf8.count), "Dockerfile"), .init("d", 0, "app"),
            .init("f", Self.gibibytes10, "app/settings.py"), .init("d", 0, "data"),
            .init("f", Self.gibibytes10, "data/huge.bin"),
        ]
        let ls = try MeasuredProcess.run(["ls", context.path, "--format", "tsv", "-0"], timeLimit: 30)
        #expect(!ls.timedOut && ls.status == 0, "\(ls.cost) \(ls.stderr)")
        #expect(Self.records(ls.stdout) == expected)

        let scan = try MeasuredProcess.run(["scan", context.path, "--format", "json"], timeLimit: 30)
        #expect(!scan.timedOut && scan.status == 0, "\(scan.cost) \(scan.stderr)")
        #expect(
            try Self.sentTotals(scan) == [
                "files": 5, "dirs": 2, "symlinks": 0, "others": 0, "bytes": 3 * Self.gibibytes10 + Self.inputBytes,
            ])
        #expect(scan.seconds < 30 && scan.peakMemoryBytes < 128 << 20, "scan: \(scan.cost)")
        let document = try Self.document(scan)
        let largest = (document["largest"] as? [String: Any])?["files"] as? [[String: Any]] ?? []
        #expect(
            largest.prefix(3).map { $0["bytes"] as? Int64 } == [Self.gibibytes10, Self.gibibytes10, Self.gibibytes10],
            "\(largest)")

        let check = try MeasuredProcess.run(["check", context.path, "--format", "json"], timeLimit: 30)
        #expect(!check.timedOut && check.status == 1, "\(check.cost) \(check.stderr)")
        #expect(check.seconds < 30 && check.peakMemoryBytes < 128 << 20, "check: \(check.cost)")
        let findings = (try Self.document(check)["findings"] as? [[String: Any]]) ?? []
        let secret = findings.first { $0["check"] as? String == "secret-file" && $0["path"] as? String == ".env" }
        #expect(secret != nil, "\(findings)")

        let dryRun = try MeasuredProcess.run(["fix", context.path, "--dry-run"], timeLimit: 30)
        #expect(!dryRun.timedOut && dryRun.status == 0, "\(dryRun.cost) \(dryRun.stderr)")
        #expect(dryRun.output.contains(".env"), "\(dryRun.output)")
        let fix = try MeasuredProcess.run(["fix", context.path], timeLimit: 30)
        #expect(!fix.timedOut && fix.status == 0, "\(fix.cost) \(fix.stderr)")
        let after = try MeasuredProcess.run(["ls", context.path, "--format", "tsv", "-0"], timeLimit: 30)
        let paths = Self.records(after.stdout).map { String(decoding: $0.path, as: UTF8.self) }
        // The secret goes, and so do the 10 GiB local files (`large-file`, fix group `bulk`); the build files stay.
        #expect(!paths.contains(".env") && !paths.contains("data/huge.bin"), "\(paths)")
        #expect(paths.contains("Dockerfile") && paths.contains(".dockerignore"), "\(paths)")
    }

    // MARK: sizes past Int64.max

    /// A directory on a file system whose files may claim `Int64.max` bytes (tmpfs, XFS, btrfs; ext4 stops at
    /// 16 TiB): the temporary directory if it allows that, else /dev/shm; nil when neither does.
    static let hugeFileDirectory: String? = {
        for base in [FileManager.default.temporaryDirectory.path, "/dev/shm"] {
            let probe = base + "/ctxtrim-probe-\(getpid())-\(UUID().uuidString)"
            let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { continue }
            let fits = ftruncate(descriptor, off_t(Int64.max)) == 0
            close(descriptor)
            unlink(probe)
            if fits { return base }
        }
        return nil
    }()

    /// Regression: sizes were summed with a plain `+`, so two sparse files of `Int64.max` bytes crashed every command
    /// (SIGILL on overflow) — a tree anyone can make on tmpfs with `truncate -s 8E`. Sums now hold at `Int64.max`.
    @Test(.enabled(if: hugeFileDirectory != nil, "no file system here holds a file of Int64.max bytes"))
    func sizesSummingPastInt64MaxDoNotCrash() throws {
        let root = Self.hugeFileDirectory! + "/ctxtrim-cli-overflow-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let context = try RawDirectory(root)
        try context.file("Dockerfile", contents: Array(Self.dockerfile.utf8))
        let data = try context.directory("data")
        for name in ["a.bin", "b.bin", "c.bin"] { try data.sparseFile(name, size: Int64.max) }
        try context.sparseFile(".env", size: Int64.max)

        let ls = try MeasuredProcess.run(["ls", context.path, "--format", "tsv", "-0"], timeLimit: 30)
        #expect(!ls.timedOut && ls.status == 0 && ls.signal == nil, "\(ls.cost) \(String(ls.stderr.suffix(2000)))")
        #expect(Self.records(ls.stdout).filter { $0.size == .max }.count == 4)

        let scan = try MeasuredProcess.run(["scan", context.path, "--format", "json"], timeLimit: 30)
        #expect(
            !scan.timedOut && scan.status == 0 && scan.signal == nil, "\(scan.cost) \(String(scan.stderr.suffix(2000)))"
        )
        if scan.status == 0 { #expect(try Self.sentTotals(scan)["bytes"] == .max) }
        for arguments in [
            ["scan", context.path], ["scan", context.path, "--format", "markdown"],
            ["check", context.path, "--format", "sarif"], ["check", context.path], ["fix", context.path, "--dry-run"],
        ] {
            let result = try MeasuredProcess.run(arguments, timeLimit: 30)
            #expect(!result.timedOut && result.signal == nil, "\(arguments): \(String(result.stderr.suffix(2000)))")
            #expect(result.status == 0 || result.status == 1, "\(arguments): \(String(result.stderr.suffix(2000)))")
        }
    }

    // MARK: helpers

    /// One record of `ls --format tsv -0`.
    struct Record: Equatable, CustomStringConvertible {
        var kind: Character
        var size: Int64
        var path: [UInt8]

        init(_ kind: Character, _ size: Int64, _ path: String) {
            self.init(kind: kind, size: size, path: Array(path.utf8))
        }

        init(kind: Character, size: Int64, path: [UInt8]) {
            self.kind = kind
            self.size = size
            self.path = path
        }

        var description: String { "\(kind) \(size) \(String(decoding: path, as: UTF8.self))" }
    }

    /// The records of `ls --format tsv -0` output: `TYPE\tSIZE\tPATH\0`.
    static func records(_ output: Data) -> [Record] {
        output.split(separator: 0, omittingEmptySubsequences: true).compactMap { record in
            let fields = record.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let size = Int64(String(decoding: fields[1], as: UTF8.self)) else { return nil }
            return Record(kind: Character(UnicodeScalar(fields[0].first ?? 0)), size: size, path: Array(fields[2]))
        }
    }

    static func document(_ result: MeasuredProcess.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "\(result.stderr)")
    }

    /// `totals.sent` of a scan's JSON: files, dirs, symlinks, others, bytes.
    static func sentTotals(_ result: MeasuredProcess.Result) throws -> [String: Int64] {
        let totals = try #require(try document(result)["totals"] as? [String: Any])
        let sent = try #require(totals["sent"] as? [String: Any])
        return sent.compactMapValues { ($0 as? NSNumber)?.int64Value }
    }

    /// `diagnostics` of a scan's JSON as (kind, path).
    static func diagnostics(_ result: MeasuredProcess.Result) throws -> [(kind: String, path: String)] {
        let list = try #require(try document(result)["diagnostics"] as? [[String: Any]])
        return list.map { ($0["kind"] as? String ?? "", $0["path"] as? String ?? "") }
    }
}

/// A FIFO with bytes in it, held open read-write by the test so that opening it never blocks and it keeps its bytes
/// until something reads them.
final class HeldFIFO {
    static let bytes = Array("whoever reads this FIFO took these bytes\n".utf8)
    let path: String
    let descriptor: Int32

    init(_ path: String) throws {
        self.path = path
        descriptor = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw RawDirectory.Failure(call: "open", name: path, code: errno) }
        guard write(descriptor, Self.bytes, Self.bytes.count) == Self.bytes.count else {
            throw RawDirectory.Failure(call: "write", name: path, code: errno)
        }
    }

    deinit { close(descriptor) }

    /// Whether the FIFO still holds exactly the bytes written into it.
    func stillHoldsItsBytes() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &buffer, buffer.count)
        return count == Self.bytes.count && Array(buffer[..<count]) == Self.bytes
    }
}
