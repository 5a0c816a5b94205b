import Digest
import UntrustedText

/// The canonical encoding `ctxtrim digest` hashes (written up in `docs/digest.md`): lines of fields separated by one
/// space, each string as a netstring-like `LENGTH:BYTES` so that any name (spaces, newlines, bytes that are not
/// UTF-8) is encoded exactly and no two inputs give the same text.
enum DigestEncoding {
    /// The first line of a context's digest.
    static let contextHeader = Array("ctxtrim context digest v1\n".utf8)
    /// The first line of a build's digest.
    static let buildHeader = Array("ctxtrim build digest v1\n".utf8)

    /// `LENGTH:BYTES`.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        appendDecimal(UInt64(bytes.count), to: &line)
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: bytes)
    }

    /// A number in decimal, without allocating (a million lines are written per digest).
    static func appendDecimal(_ value: UInt64, to line: inout [UInt8]) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// ``octalMode(_:)`` appended to `line`.
    static func appendOctalMode(_ mode: UInt32, to line: inout [UInt8]) {
        let bits = mode & 0o7777
        for shift in [9, 6, 3, 0] { line.append(UInt8(ascii: "0") + UInt8((bits >> UInt32(shift)) & 7)) }
    }

    static let labelPrefix = Array("sha256:".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lowercase hexadecimal of `bytes`.
    static func appendHex(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        for byte in bytes {
            line.append(hexDigits[Int(byte >> 4)])
            line.append(hexDigits[Int(byte & 0xf)])
        }
    }

    static func appendString(_ text: String, to line: inout [UInt8]) {
        let bytes = LosslessUTF8.encode(text)
        bytes.withUnsafeBufferPointer { appendString($0, to: &line) }
    }

    /// `sha256:` and the lowercase hexadecimal digest.
    static func label(_ digest: [UInt8]) -> String { "sha256:" + Digest.hex(digest) }

    /// Permission bits (`st_mode & 07777`) as four octal digits, such as `0644`.
    static func octalMode(_ mode: UInt32) -> String {
        let bits = mode & 0o7777
        let digits = String(bits, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
