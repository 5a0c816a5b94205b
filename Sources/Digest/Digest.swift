import CLibcrypto

/// MD5 and SHA-256 of a byte string, for bake's `md5`/`sha256` functions, the HTML report's Content-Security-Policy
/// hashes and `ctxtrim digest`. OpenSSL's libcrypto does the hashing (already linked through libgit2's transports):
/// a maintained implementation that uses the CPU's SHA extensions.
package enum Digest {
    /// RFC 1321.
    package static func md5(_ message: [UInt8]) -> [UInt8] {
        var hasher = MessageDigest(.md5)
        hasher.update(message)
        return hasher.finish()
    }

    /// FIPS 180-4.
    package static func sha256(_ message: [UInt8]) -> [UInt8] {
        var hasher = MessageDigest(.sha256)
        hasher.update(message)
        return hasher.finish()
    }

    /// Lowercase hexadecimal.
    package static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
