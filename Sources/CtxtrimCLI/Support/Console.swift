#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writes to standard output and standard error by file descriptor (Swift 6 rejects C's `stdout` global).
/// The only place ctxtrim prints.
final class Console: @unchecked Sendable {
    static let standardOutput = Console(fileDescriptor: 1)
    static let standardError = Console(fileDescriptor: 2)

    let fileDescriptor: Int32
    private var buffer: [UInt8] = []

    private init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.reserveCapacity(1 << 16)
    }

    /// Whether this stream is a terminal (progress and colour are shown only there).
    var isTerminal: Bool { isatty(fileDescriptor) == 1 }

    /// Whether colour may be used: a terminal, and `NO_COLOR` unset or empty (https://no-color.org).
    var usesColor: Bool {
        guard isTerminal else { return false }
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func line(_ text: String = "") {
        write(text)
        buffer.append(10)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes everything buffered; retries partial writes and EINTR, gives up quietly on a closed pipe.
    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes text immediately, unbuffered (progress lines).
    func writeNow(_ text: String) {
        write(text)
        flush()
    }
}
