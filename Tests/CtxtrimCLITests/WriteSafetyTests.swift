import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What ctxtrim writes never damages what is there: `--output` and the job summary write into devices, FIFOs and
/// through symlinks; `fix` refuses ignore files it could damage; a signalled `fix` leaves no temporary file.
@Suite struct WriteSafetyTests {
    static let pauseVariable = "CTXTRIM_TEST_ONLY_PAUSE_AFTER_TEMP_FILE_NAMED_MS"

    /// A context with something for `fix` to exclude and `check` to fail on (a local `.env`: a missing ignore file
    /// no longer fails the check by itself).
    func bloatedContext(_ label: String) throws -> TemporaryTree {
        let tree = try TemporaryTree(label)
        try tree.write("context/Dockerfile", "FROM alpine:3.20\nCOPY src /src\n")
        try tree.write("context/src/main.c", "int main(void) { return 0; }\n")
        try tree.write("context/.env", "DEBUG=1\n")
        try tree.write("context/node_modules/left-pad/index.js", String(repeating: "x", count: 4000))
        return tree
    }

    static func kind(_ path: String) -> mode_t? { FileProbe.kind(path) }
    static func mode(_ path: String) -> mode_t? { FileProbe.mode(path) }
    static func contents(_ path: String) -> String? { FileProbe.contents(path) }

    static func temporaryFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".ctxtrim-") }
    }

    // MARK: - check --output and the job summary

    @Test func outputToDevNullKeepsTheCharacterDevice() throws {
        let tree = try bloatedContext("out-null")
        let result = try CtxtrimProcess.run(["check", tree.path + "/context", "--output", "/dev/null"], timeLimit: 60)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.kind("/dev/null") == S_IFCHR)
    }

    @Test func outputToAFIFOWithAReaderReachesTheReader() throws {
        let tree = try bloatedContext("out-fifo")
        let fifo = tree.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = FIFOReader(fifo)
        let result = try CtxtrimProcess.run(
            ["check", tree.path + "/context", "--format", "json", "--output", fifo], timeLimit: 60)
        #expect(result.status == 1, "\(result.stderr)")
        let report = reader.wait()
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(report.utf8)) }
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test func outputToAFIFOWithoutAReaderFailsAtOnce() throws {
        let tree = try bloatedContext("out-fifo-alone")
        let fifo = tree.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try CtxtrimProcess.run(["check", tree.path + "/context", "--output", fifo], timeLimit: 60)
        #expect(result.status == 2)
        #expect(result.stderr.contains("FIFO that nothing reads yet") && result.stderr.contains("open"))
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test func outputThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws {
        let tree = try bloatedContext("out-link")
        try tree.write("reports/check.json", "old")
        try tree.symlink("check.json", to: "reports/check.json")
        let result = try CtxtrimProcess.run(
            ["check", tree.path + "/context", "--format", "json", "--output", tree.path + "/check.json"], timeLimit: 60)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.kind(tree.path + "/check.json") == S_IFLNK)
        let text = try #require(Self.contents(tree.path + "/reports/check.json"))
        #expect(text != "old")
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
    }

    @Test func outputToADirectoryIsAnErrorNamingIt() throws {
        let tree = try bloatedContext("out-dir")
        try tree.makeDirectory("reports")
        let result = try CtxtrimProcess.run(
            ["check", tree.path + "/context", "--output", tree.path + "/reports"], timeLimit: 60)
        #expect(result.status == 2)
        #expect(result.stderr.contains("reports: it is a directory"), "\(result.stderr)")
        #expect(Self.kind(tree.path + "/reports") == S_IFDIR)
    }

    @Test func theStepSummaryIsAppendedToEvenWhenItIsAFIFO() throws {
        let tree = try bloatedContext("summary-fifo")
        let fifo = tree.path + "/summary.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = FIFOReader(fifo)
        let result = try CtxtrimProcess.run(
            ["check", tree.path + "/context", "--format", "github"],
            environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": fifo], timeLimit: 60)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!reader.wait().isEmpty)
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    // MARK: - fix and the ignore file

    @Test func fixWritesThroughASymlinkToAFileInsideTheContext() throws {
        let tree = try bloatedContext("fix-link-in")
        try tree.write("context/config/dockerignore", "# mine\n")
        try tree.symlink("context/.dockerignore", to: "config/dockerignore")
        let result = try CtxtrimProcess.run(["fix", "--strategy", "deny", tree.path + "/context"], timeLimit: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.kind(tree.path + "/context/.dockerignore") == S_IFLNK)
        let written = try #require(Self.contents(tree.path + "/context/config/dockerignore"))
        #expect(written.contains("node_modules") && written.hasSuffix("# mine\n"))
    }

    @Test func fixRefusesASymlinkLeavingTheContextAndNamesBoth() throws {
        let tree = try bloatedContext("fix-link-out")
        try tree.write("precious.txt", "do not touch\n")
        try tree.symlink("context/.dockerignore", to: "../precious.txt")
        let result = try CtxtrimProcess.run(["fix", "--strategy", "deny", tree.path + "/context"], timeLimit: 60)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".dockerignore: it is a symlink to `../precious.txt`"), "\(result.stderr)")
        #expect(result.stderr.contains("precious.txt, outside the context"))
        #expect(Self.contents(tree.path + "/precious.txt") == "do not touch\n")
        #expect(Self.kind(tree.path + "/context/.dockerignore") == S_IFLNK)
    }

    @Test func fixEscapesControlCharactersInTheLinkTarget() throws {
        let tree = try bloatedContext("fix-link-escape")
        try tree.symlink("context/.dockerignore", to: "/tmp/\u{1B}[2Jgone")
        let result = try CtxtrimProcess.run(["fix", "--strategy", "deny", tree.path + "/context"], timeLimit: 60)
        #expect(result.status == 2)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("\\e[2Jgone"), "\(result.stderr)")
    }

    @Test func fixWithIgnoreFileMayLeaveTheContextButOnlyToARegularFile() throws {
        let tree = try bloatedContext("fix-override")
        let outside = try tree.write("shared.dockerignore", "# shared\n")
        let result = try CtxtrimProcess.run(
            ["fix", "--strategy", "deny", tree.path + "/context", "--ignore-file", outside], timeLimit: 60)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.contents(outside)?.contains("node_modules") == true)
        let device = try CtxtrimProcess.run(
            ["fix", "--strategy", "deny", tree.path + "/context", "--ignore-file", "/dev/null"], timeLimit: 60)
        #expect(device.status == 2)
        #expect(device.stderr.contains("it is a character device"), "\(device.stderr)")
        #expect(Self.kind("/dev/null") == S_IFCHR)
    }

    /// Tests run as root in CI, where permission bits do not stop a write: the mode decides, and is kept.
    @Test func aReadOnlyIgnoreFileNeedsForceAndKeepsItsMode() throws {
        let tree = try bloatedContext("fix-read-only")
        let ignore = try tree.write("context/.dockerignore", "# mine\n")
        chmod(ignore, 0o444)
        let refused = try CtxtrimProcess.run(["fix", "--strategy", "deny", tree.path + "/context"], timeLimit: 60)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("read-only (mode 0444)") && refused.stderr.contains("--force"))
        #expect(Self.contents(ignore) == "# mine\n")
        let forced = try CtxtrimProcess.run(
            ["fix", "--strategy", "deny", tree.path + "/context", "--force"], timeLimit: 60)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.contents(ignore)?.contains("node_modules") == true)
        #expect(Self.mode(ignore) == 0o444)
    }

    @Test func aFIFONamedDockerignoreIsRefusedWithoutHanging() throws {
        let tree = try bloatedContext("fix-fifo")
        #expect(mkfifo(tree.path + "/context/.dockerignore", 0o644) == 0)
        let started = Date()
        let result = try CtxtrimProcess.run(["fix", "--strategy", "deny", tree.path + "/context"], timeLimit: 20)
        #expect(result.status == 2, "killed after the timeout: it hung")
        #expect(result.stderr.contains("it is a FIFO"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(Self.kind(tree.path + "/context/.dockerignore") == S_IFIFO)
    }

    // MARK: - signals and leftovers

    /// Starts `ctxtrim fix` paused right after its temporary file got a name; returns it once that file exists.
    func fixPausedMidWrite(_ tree: TemporaryTree) throws -> (SpawnedProcess, String) {
        let process = try SpawnedProcess(
            CtxtrimProcess.executable.path, ["fix", "--strategy", "deny", tree.path + "/context"],
            environment: CtxtrimProcess.baseEnvironment([Self.pauseVariable: "20000"]))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning {
            if let name = Self.temporaryFiles(in: tree.path + "/context").first { return (process, name) }
            usleep(5000)
        }
        process.signal(SIGKILL)
        throw ShellFailure(command: "ctxtrim fix", output: "no temporary file appeared")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalledFixLeavesNoTemporaryFileAndTheIgnoreFileIntact(signal: Int32) throws {
        let tree = try bloatedContext("fix-signal")
        let ignore = try tree.write("context/.dockerignore", "# mine\n")
        let (process, name) = try fixPausedMidWrite(tree)
        #expect(name.hasPrefix("..dockerignore.ctxtrim-tmp-"), "\(name)")
        process.signal(signal)
        #expect(process.wait() == .signalled(signal))
        #expect(Self.temporaryFiles(in: tree.path + "/context").isEmpty)
        #expect(Self.contents(ignore) == "# mine\n")
    }

    @Test func aTemporaryFileLeftByKillNineIsFlaggedAndStillCountedAsSent() throws {
        let tree = try bloatedContext("fix-kill")
        try tree.write("context/.dockerignore", "# mine\n")
        let before = try CtxtrimProcess.run(["scan", tree.path + "/context", "--format", "json"], timeLimit: 60)
        let (process, name) = try fixPausedMidWrite(tree)
        process.signal(SIGKILL)
        #expect(process.wait() == .signalled(SIGKILL))
        #expect(Self.temporaryFiles(in: tree.path + "/context") == [name])

        let after = try CtxtrimProcess.run(["scan", tree.path + "/context", "--format", "json"], timeLimit: 60)
        #expect(after.status == 0, "\(after.stderr)")
        func sentFiles(_ result: CtxtrimProcess.Result) throws -> Int? {
            let report = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            return ((report["totals"] as? [String: Any])?["sent"] as? [String: Any])?["files"] as? Int
        }
        #expect(try sentFiles(after) == (try sentFiles(before)).map { $0 + 1 })
        let report = try #require(try JSONSerialization.jsonObject(with: after.stdout) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let flagged = findings.filter { $0["check"] as? String == "ctxtrim-temp-file" }
        #expect(flagged.map { $0["path"] as? String } == [name])
        #expect(flagged.first?["severity"] as? String == "warning")
    }
}
