#if canImport(Glibc)
    import Glibc
#endif

/// A dedicated POSIX thread with a large stack (the walk recurses once per directory level).
@usableFromInline
struct WorkerThread {
    private static let stackSize = 64 << 20

    private let thread: pthread_t

    /// Starts `body` on a new thread; nil if the thread could not be created.
    @usableFromInline
    init?(_ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, Self.stackSize)
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, &attributes,
            { argument in
                let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
                body.run()
                return nil
            }, box)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        self.thread = thread
    }

    /// Waits for the thread to end.
    @usableFromInline func join() {
        pthread_join(thread, nil)
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
