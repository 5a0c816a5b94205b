import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child started with `posix_spawn` and a clean signal mask, for tests that signal it.
///
/// Foundation's `Process` passes on the blocked signals of the test runner's thread (SIGINT, SIGTERM and SIGHUP
/// among them), so a child it starts never sees those signals. Output goes to /dev/null.
final class SpawnedProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    let pid: pid_t
    private var ending: Ending?

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw ShellFailure(command: executable, output: String(cString: strerror(status)))
        }
        pid = child
    }

    deinit {
        if ending == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
    }

    var isRunning: Bool {
        guard ending == nil else { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { ending = Self.ending(status) }
        return ending == nil
    }

    func signal(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the child to end.
    @discardableResult
    func wait() -> Ending {
        if let ending { return ending }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let ended = Self.ending(status)
        ending = ended
        return ended
    }

    /// WIFSIGNALED / WTERMSIG / WEXITSTATUS, which are macros Swift cannot import.
    private static func ending(_ status: Int32) -> Ending {
        status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }
}

/// A process a test started, or a step it waited for, failed.
struct ShellFailure: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "\(command) failed: \(output)" }
}
