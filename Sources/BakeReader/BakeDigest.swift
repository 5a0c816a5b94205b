import Digest

/// The digests bake files call to make names (`md5(dockerfile)` in a matrix target's name), as lower-case hex of
/// the UTF-8 bytes, like buildx's `md5` and `sha256` functions.
enum BakeDigest {
    static func md5(_ message: [UInt8]) -> String { Digest.hex(Digest.md5(message)) }
    static func sha256(_ message: [UInt8]) -> String { Digest.hex(Digest.sha256(message)) }
}
