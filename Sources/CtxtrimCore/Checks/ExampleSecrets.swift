import UntrustedText

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

    static let openAIKey =
        "sk" + "-proj-" + characters(74, seed: 9, from: tokenAlphabet) + "T3Blbk" + "FJ"
        + characters(74, seed: 10, from: tokenAlphabet)
    static let anthropicKey = "sk" + "-ant-api03-" + characters(93, seed: 11, from: tokenAlphabet) + "AA"
    static let googleAPIKey = "AI" + "za" + characters(35, seed: 12, from: tokenAlphabet)
    static let twilioAPIKey = "S" + "K" + characters(32, seed: 13, from: hex)
    static let sendGridKey =
        "S" + "G." + characters(22, seed: 14, from: tokenAlphabet) + "." + characters(43, seed: 15, from: tokenAlphabet)
    static let azureAccountKey = characters(86, seed: 16, from: base64) + "=="
    static let password = characters(20, seed: 17, from: alphanumerics)
    /// Base64 of a PEM block, as kubeconfig `client-key-data` holds it (`LS0t` encodes `---`).
    static let kubeClientKeyData = "LS0t" + "LS1CRUdJTi" + characters(120, seed: 18, from: base64)
    /// Base64 of `ci:<password>`.
    static let dockerAuth = Base64.encode(Array("ci:\(password)".utf8))
    static let vaultToken = "hv" + "s." + characters(96, seed: 19, from: tokenAlphabet)
    static let digitalOceanToken = "do" + "p_v1_" + characters(64, seed: 20, from: hex)
    static let shopifyToken = "sh" + "pat_" + characters(32, seed: 21, from: hex)
    static let uuid =
        characters(8, seed: 22, from: hex) + "-" + characters(4, seed: 23, from: hex) + "-"
        + characters(4, seed: 24, from: hex) + "-" + characters(4, seed: 25, from: hex) + "-"
        + characters(12, seed: 26, from: hex)
    static let jsonWebToken =
        "ey" + "JhbGciOiJIUzI1NiJ9." + "ey" + "JzdWIiOiJidWlsZGVyIn0." + characters(43, seed: 27, from: tokenAlphabet)

    static let azureConnectionString =
        "{\"Storage\": \"DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + azureAccountKey
        + ";EndpointSuffix=core.windows.net\"}\n"
    static let twilioSIDAndHerokuAppID =
        "TWILIO_ACCOUNT_SID = 'AC" + String(digitalOceanToken.suffix(32)) + "'\nHEROKU_APP_ID = '" + uuid + "'\n"
    static let hashesAndIDs =
        "sha256 " + String(digitalOceanToken.suffix(64)) + "\nid " + uuid + "\nintegrity sha512-" + azureAccountKey
        + "\n"
    static let stripeTestKey = "stripe.api_key = 'sk_test_" + String(shopifyToken.dropFirst(6)) + "'\n"

    private static let tokenAlphabet = alphanumerics + ["_", "-"]
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
