/// Fake, secret-shaped strings for the examples of `secret-content`, assembled at run time from a fixed pseudo-random
/// sequence so that no source file contains a string that secret scanners flag.
enum ExampleSecrets {
    static let gitHubToken = "gh" + "p_" + characters(36, seed: 1, from: alphanumerics)
    static let awsAccessKeyID = "AK" + "IA" + characters(16, seed: 2, from: upperAndDigits)
    static let npmLegacyToken =
        characters(8, seed: 3, from: hex) + "-" + characters(4, seed: 4, from: hex) + "-"
        + characters(4, seed: 5, from: hex) + "-" + characters(12, seed: 6, from: hex)
    static let privateKeyBlock =
        "-----BEGIN " + "RSA PRIVATE" + " KEY-----\n" + characters(64, seed: 7, from: base64) + "\n"
        + characters(64, seed: 8, from: base64) + "\n-----END " + "RSA PRIVATE" + " KEY-----\n"

    private static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    private static let upperAndDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    private static let hex = Array("0123456789abcdef")
    private static let base64 = alphanumerics + ["+", "/"]

    /// `count` characters of `alphabet` chosen by a SplitMix64 sequence started at `seed`.
    private static func characters(_ count: Int, seed: UInt64, from alphabet: [Character]) -> String {
        var state = seed
        var result = ""
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            result.append(alphabet[Int(mixed % UInt64(alphabet.count))])
        }
        return result
    }
}
