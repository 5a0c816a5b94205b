import UntrustedText

#if canImport(Glibc)
    import Glibc
#endif

/// Reads standard input whole and splits it into records.
enum StandardInput {
    /// Records separated by `separator` (a newline also drops one `\r` before it); empty records are skipped.
    static func records(separator: UInt8) -> [String] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes.split(separator: separator, omittingEmptySubsequences: true).compactMap { record in
            var record = record
            if separator == 10 && record.last == 13 { record = record.dropLast() }
            return record.isEmpty ? nil : LosslessUTF8.decode(record)
        }
    }
}
