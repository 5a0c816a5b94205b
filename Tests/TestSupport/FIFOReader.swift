import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The reading end of a FIFO, opened before the call returns (so a writer finds a reader), read to its end on a
/// thread of its own.
public final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    public init(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        Thread {
            defer {
                if descriptor >= 0 { close(descriptor) }
                self.done.signal()
            }
            guard descriptor >= 0 else { return }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(20)
            // Until a writer has written, an empty read means "no writer yet", not the end.
            while Date() < deadline {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    received += chunk[..<count]
                } else if count == 0 && !received.isEmpty {
                    break
                } else {
                    usleep(1000)
                }
            }
            self.lock.lock()
            self.bytes = received
            self.lock.unlock()
        }.start()
    }

    /// Everything read, once the writer closed its end (or after 20 seconds).
    public func wait() -> String {
        _ = done.wait(timeout: .now() + 30)
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
