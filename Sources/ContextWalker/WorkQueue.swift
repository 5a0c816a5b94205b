import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The stack of directories shared by the workers, and the count of jobs in progress that tells when the walk is done.
///
/// Workers descend on their own and push a subdirectory here only while another worker waits
/// (``hasIdleWorkers``), so the lock is taken about once per hand-over, not once per directory.
@usableFromInline
final class WorkQueue<Job: Sendable>: @unchecked Sendable {
    // The pthread objects need stable addresses; `jobs`, `active` and `stopped` are guarded by `mutex`.
    @usableFromInline let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    @usableFromInline let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    @usableFromInline @exclusivity(unchecked) var jobs: [Job] = []
    @usableFromInline @exclusivity(unchecked) var active = 0
    @usableFromInline @exclusivity(unchecked) var stopped = false
    @usableFromInline let idle = Atomic<Int>(0)

    @usableFromInline
    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Whether a worker is waiting for a job; a hint read without the lock.
    @inlinable var hasIdleWorkers: Bool { idle.load(ordering: .relaxed) > 0 }

    @inlinable func push(_ job: Job) {
        pthread_mutex_lock(mutex)
        jobs.append(job)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The next job, waiting for one if others are still working; nil once the walk is done or stopped.
    /// A job taken must be ended with ``jobDone()``.
    @inlinable func pop() -> Job? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if stopped { return nil }
            if let job = jobs.popLast() {
                active += 1
                return job
            }
            if active == 0 {
                stopped = true
                pthread_cond_broadcast(condition)
                return nil
            }
            idle.add(1, ordering: .relaxed)
            pthread_cond_wait(condition, mutex)
            idle.subtract(1, ordering: .relaxed)
        }
    }

    @inlinable func jobDone() {
        pthread_mutex_lock(mutex)
        active -= 1
        if active == 0 && jobs.isEmpty {
            stopped = true
            pthread_cond_broadcast(condition)
        }
        pthread_mutex_unlock(mutex)
    }

    /// Ends the walk early: waiting and later ``pop()`` calls return nil.
    @inlinable func stop() {
        pthread_mutex_lock(mutex)
        stopped = true
        jobs.removeAll()
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }
}
