#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension GitStatusSnapshot {
    /// Captures as ``capture(contextDirectory:)`` does, on a dedicated thread, and waits at most `timeout` for it; nil
    /// waits as long as libgit2 takes, on the calling thread.
    ///
    /// libgit2 cannot be interrupted: after a timeout the capture thread runs on by itself, still the only owner of
    /// its libgit2 handles, and its result is dropped. Throws ``GitError`` with code `timedOut` then.
    package static func capture(contextDirectory: String, timeout: Duration?) throws(GitError) -> GitStatusSnapshot? {
        guard let timeout else { return try capture(contextDirectory: contextDirectory) }
        let pending = PendingCapture()
        guard
            CaptureThread.start({
                pending.finish(Result { () throws(GitError) in try capture(contextDirectory: contextDirectory) })
            })
        else {
            throw GitError(
                code: .thread, message: "cannot start a thread for git status",
                fix: "free resources or pass --no-git", path: contextDirectory, cause: nil)
        }
        guard let result = pending.wait(for: timeout) else {
            throw GitError(
                code: .timedOut, message: "git status took longer than \(describe(timeout))",
                fix: "raise --git-timeout (0: no limit) or simplify the .gitignore rules", path: contextDirectory,
                cause: nil)
        }
        return try result.get()
    }

    /// `20 s`, `0.5 s`.
    private static func describe(_ duration: Duration) -> String {
        let parts = duration.components
        let millis = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        return millis % 1000 == 0 ? "\(millis / 1000) s" : "\(Double(millis) / 1000) s"
    }
}

/// The result of a capture running on another thread, handed over under a mutex.
private final class PendingCapture: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var result: Result<GitStatusSnapshot?, GitError>?

    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if canImport(Glibc)
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    func finish(_ value: Result<GitStatusSnapshot?, GitError>) {
        pthread_mutex_lock(mutex)
        result = value
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The result, or nil when none came within `timeout` (`pthread_cond_timedwait` on the monotonic clock).
    func wait(for timeout: Duration) -> Result<GitStatusSnapshot?, GitError>? {
        var deadline = timespec()
        #if canImport(Glibc)
            clock_gettime(CLOCK_MONOTONIC, &deadline)
        #else
            clock_gettime(CLOCK_REALTIME, &deadline)
        #endif
        let parts = timeout.components
        let nanoseconds = Int64(deadline.tv_nsec) + parts.attoseconds / 1_000_000_000
        let (seconds, overflow) = Int64(deadline.tv_sec).addingReportingOverflow(
            parts.seconds.addingReportingOverflow(nanoseconds / 1_000_000_000).partialValue)
        deadline.tv_sec = overflow ? time_t(Int64.max) : time_t(seconds)
        deadline.tv_nsec = Int(nanoseconds % 1_000_000_000)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while result == nil {
            if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
        }
        return result
    }
}

/// A detached POSIX thread: not the Swift concurrency pool, whose threads must never block on libgit2.
private enum CaptureThread {
    /// Starts `body` on a new detached thread; false if the thread could not be created.
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        final class Body {
            let run: @Sendable () -> Void
            init(_ run: @escaping @Sendable () -> Void) { self.run = run }
        }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, &attributes,
            { argument in
                Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue().run()
                return nil
            }, box)
        guard created == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return false
        }
        return true
    }
}
