/// Stable fingerprints for findings and gate violations, so CI systems track an alert across runs.
///
/// FNV-1a 64 over the identity of a finding (check, path, line), written as 16 lowercase hex digits: the same finding
/// gets the same fingerprint on every machine and run. Findings sharing an identity get an occurrence number mixed in,
/// in report order, so no two fingerprints of one report collide.
package enum FindingFingerprint {
    /// FNV-1a 64 of the UTF-8 bytes of `text`, as 16 hex digits.
    package static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The identity hashed for a finding: check, path and line, separated by NUL.
    package static func identity(of finding: Finding) -> String {
        "\(finding.check)\u{0}\(finding.path)\u{0}\(finding.line.map(String.init) ?? "")"
    }

    /// One fingerprint per identity, in order; a repeated identity gets `\0<occurrence>` appended before hashing.
    package static func fingerprints(of identities: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return identities.map { identity in
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return fnv1a64(occurrence == 0 ? identity : "\(identity)\u{0}\(occurrence)")
        }
    }
}
