import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `ctxtrim` and measures that one child: wall time, and peak memory from GNU time's `%M` (the
/// child's own `ru_maxrss`, not the largest of every child the test runner has had, as `RUSAGE_CHILDREN` gives).
///
/// GNU time forks the child; `posix_spawn` itself cannot be measured directly, because it shares the runner's memory
/// until exec and Linux carries that memory's high-water mark into the child's `ru_maxrss`. Without /usr/bin/time,
/// the wait4(2) figure is used: an upper bound that includes the runner's own peak.
///
/// Output goes to files, so no pipe can fill up and stall the child; stdin is /dev/null. The child runs in its own
/// process group, killed with SIGKILL after `timeLimit` seconds. It starts with a clean signal mask, as
/// ``SpawnedProcess`` explains.
struct MeasuredProcess {
    struct Result {
        /// The exit status; -1 when the child died of a signal.
        var status: Int32
        /// The signal that ended the child, if one did (SIGKILL after the time limit).
        var signal: Int32?
        var stdout: Data
        var stderr: String
        /// Wall time from spawn to exit.
        var seconds: Double
        /// The child's peak resident set size.
        var peakMemoryBytes: Int
        var timedOut: Bool
        var output: String { String(decoding: stdout, as: UTF8.self) }
        /// `1.23 s, 45 MB`, for messages.
        var cost: String { String(format: "%.2f s, %.0f MB", seconds, Double(peakMemoryBytes) / 1_048_576) }
    }

    /// GNU time, which reports the peak memory of the one child it forks.
    static let gnuTime = "/usr/bin/time"

    static func run(_ arguments: [String], timeLimit: Double, environment: [String: String] = [:]) throws -> Result {
        let scratch = try TemporaryTree("run")
        defer { withExtendedLifetime(scratch) {} }
        let outPath = scratch.path("stdout")
        let errPath = scratch.path("stderr")
        let memoryPath = scratch.path("memory")

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let ctxtrim = CtxtrimProcess.executable.path
        let timed = FileManager.default.isExecutableFile(atPath: Self.gnuTime)
        let executable = timed ? Self.gnuTime : ctxtrim
        let argv =
            ((timed ? [Self.gnuTime, "-f", "%M", "-o", memoryPath] : []) + [ctxtrim] + arguments).map {
                strdup($0)
            } + [nil]
        let envp = CtxtrimProcess.baseEnvironment(environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        let started = Date()
        var child = pid_t()
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw ShellFailure(command: executable, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let reaped = wait4(child, &status, timedOut ? 0 : WNOHANG, &usage)
            if reaped == child { break }
            if reaped < 0 && errno != EINTR {
                throw ShellFailure(command: "wait4", output: String(cString: strerror(errno)))
            }
            if !timedOut && Date().timeIntervalSince(started) > timeLimit {
                timedOut = true
                kill(-child, SIGKILL)
                continue
            }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(started)
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS are macros Swift cannot import.
        var signal = status & 0x7F
        var exitStatus = signal == 0 ? (status >> 8) & 0xFF : -1
        var peakKilobytes = Int(usage.ru_maxrss)
        if timed, signal == 0 {
            // "Command terminated by signal N" when the child died of one, then the peak in kilobytes.
            let report = (try? String(contentsOfFile: memoryPath, encoding: .utf8)) ?? ""
            let lines = report.split(separator: "\n")
            if let last = lines.last, let kilobytes = Int(last) { peakKilobytes = kilobytes }
            if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }),
                let number = Int32(line.split(separator: " ").last ?? "")
            {
                signal = number
                exitStatus = -1
            }
        }
        return Result(
            status: exitStatus, signal: signal == 0 ? nil : signal,
            stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
            seconds: seconds, peakMemoryBytes: peakKilobytes * 1024, timedOut: timedOut)
    }
}
