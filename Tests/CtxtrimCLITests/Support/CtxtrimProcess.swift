import Foundation
import TestSupport

/// Runs the built `ctxtrim` binary, as a user would, and captures its output and exit status.
struct CtxtrimProcess {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        /// Whether the run was killed for taking longer than its time limit.
        var timedOut = false
        var output: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The environment a run starts from: the test's own, without the variables that switch CI behaviour on.
    static func baseEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["CI", "GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_STEP_SUMMARY", "NO_COLOR"] { env[key] = nil }
        env.merge(extra) { $1 }
        return env
    }

    /// The `ctxtrim` executable beside the test bundle (`swift build` puts both in the same products directory).
    static let executable: URL = {
        if let override = ProcessInfo.processInfo.environment["CTXTRIM_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ctxtrim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return PackageRoot.file(".build/debug/ctxtrim")
    }()

    /// Runs ctxtrim with `arguments`, feeding `input` on stdin, with extra environment variables; kills it with
    /// SIGKILL after `timeLimit` seconds (the result then says `timedOut`).
    static func run(
        _ arguments: [String], input: Data? = nil, environment: [String: String] = [:], in directory: String? = nil,
        timeLimit: Double = 300
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = baseEnvironment(environment)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let killed = LockedData()
        let pid = process.processIdentifier
        let watchdog = Thread {
            let deadline = Date().addingTimeInterval(timeLimit)
            while Date() < deadline {
                if killed.isSet { return }
                usleep(10_000)
            }
            if !killed.isSet {
                killed.set(Data([1]))
                kill(pid, SIGKILL)
            }
        }
        watchdog.start()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let timedOut = killed.isSet && killed.value == Data([1])
        if !killed.isSet { killed.set(Data()) }
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: outData,
            stderr: String(decoding: errorData.value, as: UTF8.self),
            timedOut: timedOut)
    }
}

/// Data handed from a reader thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false

    func set(_ value: Data) {
        lock.lock()
        data = value
        done = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
