import CLibcrypto

/// An incremental hash over libcrypto's EVP interface (`EVP_DigestInit_ex2`, `EVP_DigestUpdate`,
/// `EVP_DigestFinal_ex`). One value per thread: it is not shareable, and ``reset()`` reuses its context for the next
/// message without allocating.
package struct MessageDigest: ~Copyable {
    /// The algorithms ctxtrim uses.
    package enum Algorithm: Sendable {
        case md5, sha256

        /// The digest's length in bytes.
        package var length: Int {
            switch self {
            case .md5: 16
            case .sha256: 32
            }
        }

        fileprivate var method: OpaquePointer {
            switch self {
            case .md5: EVP_md5()
            case .sha256: EVP_sha256()
            }
        }
    }

    package let algorithm: Algorithm
    private let context: OpaquePointer

    package init(_ algorithm: Algorithm) {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        self.algorithm = algorithm
        self.context = context
        reset()
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Starts a new message.
    package mutating func reset() {
        guard EVP_DigestInit_ex2(context, algorithm.method, nil) == 1 else {
            fatalError("EVP_DigestInit_ex2 failed: libcrypto has no \(algorithm)")
        }
    }

    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else { fatalError("EVP_DigestUpdate failed") }
    }

    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    package mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of what was given since the last reset; the hasher starts a new message.
    package mutating func finish() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: algorithm.length)
        var written: UInt32 = 0
        let status = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &written) }
        guard status == 1, Int(written) == algorithm.length else { fatalError("EVP_DigestFinal_ex failed") }
        reset()
        return output
    }
}
