import TestSupport
import Testing

@testable import CtxtrimCore

@Suite struct SecretScannerTests {
    let scanner = SecretScanner()
    let check = SecretContentCheck()

    func kinds(_ text: String) -> [SecretKind] { scanner.scan(Array(text.utf8)).map(\.kind) }

    @Test(arguments: [
        "ghp_" + String(repeating: "a", count: 36),  // one character repeated
        "ghp_abcdefghijklmnopqrstuvwxyz0123456",  // 35 characters: too short
        "AKIA" + "IOSFODNN7" + "EXAMPLE",
        "AKIA" + "I44QH8DHB" + "EXAMPLE",
        "AKIA1234",
        "XAKIA" + "Q3ZJ5MPL2RT7WV9K",  // inside a word
        "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc",
        "xoxb-your-bot-token-here-please",
        "https://hooks.slack.com/services/T00000000/B00000000/" + String(repeating: "X", count: 24),
        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
        "//registry.npmjs.org/:_authToken=<your-token>",
        "_auth=%NPM_AUTH%",
        "    self._password = password",
        "db_password=Str0ngButNotNpm1",
        "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
        "aws_secret_access_key = ${AWS_SECRET}",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n",
        "{\"type\": \"service_account\"}",
        "npm_config_registry",
        // Regressions from real repositories: container-local logins (awesome-compose, buildkit's tests).
        "DATABASE_URL: mysql://root:whalehello@db:3306/mysql",
        "\"ssh://me:passw0rd@foo\": nil,",
        "postgres://postgres:postgres@db.corp.net/app",  // the user name again
        "https://user:${TOKEN}@git.corp.net", "redis://:%s@%s:6379", "amqp://guest:guest@broker.corp.net",
        // Generic shapes without their keyword or file context.
        "api_key = SK" + "0123456789abcdef0123456789abcdef",  // no `twilio` nearby
        "id = 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",  // a UUID without `heroku`
        "HEROKU_APP_ID=1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        "csrf:\n  token: 8f2kLq9ZpX3vR7mN1bT6yW4cH0sJ5dG",  // `token:` outside a kubeconfig
        "sk-" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV",  // no `T3BlbkFJ` marker
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",  // an unsigned JWT
        "\"auth\": \"dXNlcjpwYXNzd29yZA==\"",  // base64 of user:password
        "machine api.github.com login me password $GITHUB_TOKEN",
        "client-key-data: DATA+OMITTED",
    ])
    func placeholdersAndLookAlikesAreQuiet(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    /// Seen in a blind set: the camel-case key of SDK configs and YAML values was missed.
    @Test(arguments: [
        "  awsSecretAccessKey: " + "Zq3vR8mN1bT6yW4cH0sJ5dGpX2kLq9ZpX3vR7mN1",
        "credentials: { accessKeyId: id, secretAccessKey: \"" + "Zq3vR8mN1bT6yW4cH0sJ5dGpX2kLq9ZpX3vR7mN1\" }",
    ])
    func camelCaseAWSSecretKeysAreFound(_ text: String) {
        #expect(kinds(text) == [.awsSecretAccessKey])
    }

    @Test func aCamelCaseAWSSecretKeyFromTheEnvironmentIsQuiet() {
        #expect(kinds("secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY_FOR_THE_UPLOADER_ROLE").isEmpty)
    }

    @Test func everyKindIsFoundWithItsLine() {
        var random = SplitMix64(seed: TestSeeds.one(42))
        for secret in FakeSecret.all(using: &random) {
            let matches = scanner.scan(Array("first\nsecond\n\(secret.text)\n".utf8))
            #expect(Set(matches.map(\.kind)) == secret.kinds, "\(secret)")
            let plantedLines = 3...(3 + secret.text.filter { $0 == "\n" }.count)
            #expect(matches.allSatisfy { plantedLines.contains($0.line) }, "\(secret)")
        }
    }

    /// Property: a secret planted at a random line of random prose is found there, alone, whatever surrounds it.
    @Test func plantedInRandomProseIsFoundAtItsLine() {
        let words = [
            "password", "token", "key", "secret", "api", "the", "AKIA", "ghp", "npm", "-----", "=", ":", "_auth",
        ]
        for seed in TestSeeds.list(Array(1...200)) {
            var random = SplitMix64(seed: seed)
            let secrets = FakeSecret.all(using: &random).filter { $0.kinds.count == 1 && !$0.text.contains("\n") }
            let secret = secrets[Int.random(in: 0..<secrets.count, using: &random)]
            var lines = (0..<Int.random(in: 1...30, using: &random)).map { _ in
                (0..<Int.random(in: 0...8, using: &random)).map { _ in words.randomElement(using: &random)! }
                    .joined(separator: " ")
            }
            let index = Int.random(in: 0...lines.count, using: &random)
            lines.insert(secret.text, at: index)
            let matches = scanner.scan(Array(lines.joined(separator: "\n").utf8))
            #expect(matches.map(\.kind) == Array(secret.kinds), "seed \(seed): \(secret)")
            #expect(matches.map(\.line) == [index + 1], "seed \(seed)")
        }
    }

    /// Property: every prefix of every secret can be scanned without reading past the end.
    @Test func truncatedSecretsNeverCrash() {
        var random = SplitMix64(seed: TestSeeds.one(7))
        for secret in FakeSecret.all(using: &random) {
            let bytes = Array(secret.text.utf8)
            for length in 0...bytes.count { _ = scanner.scan(Array(bytes.prefix(length))) }
        }
        for seed in TestSeeds.list(Array(1...50)) {
            var random = SplitMix64(seed: seed)
            let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = scanner.scan(noise)
        }
    }

    @Test func binaryFilesAreSkipped() {
        var random = SplitMix64(seed: TestSeeds.one(3))
        let secret = FakeSecret.all(using: &random)[6]
        let text = Array(secret.text.utf8)
        #expect(!check.check(path: "a.txt", content: text).isEmpty)
        #expect(check.check(path: "a.bin", content: [0] + text).isEmpty)
        let lateNul = text + [UInt8](repeating: 0x20, count: SecretContentCheck.binaryProbeLength) + [0]
        #expect(!check.check(path: "a.txt", content: lateNul).isEmpty)
    }

    @Test func oneFindingPerKindAndFileWithTheFirstLineAndACount() {
        var random = SplitMix64(seed: TestSeeds.one(5))
        let tokens = FakeSecret.all(using: &random).filter { $0.kinds == [.gitHubToken] }.map(\.text)
        let findings = check.check(path: "tokens.txt", content: Array(tokens.joined(separator: "\n").utf8))
        #expect(findings.count == 1)
        #expect(findings.first?.line == 1)
        #expect(findings.first?.message.contains("\(tokens.count) occurrences") == true)
        #expect(findings.first?.message.contains("`ghp_****…`") == true)
    }

    @Test(
        arguments: [
            ("config.yml", 100, true), ("big.txt", 1 << 20, true), ("huge.txt", (1 << 20) + 1, false),
            ("empty", 0, false),
            ("package-lock.json", 100, false), ("yarn.lock", 100, false), ("a/Cargo.lock", 100, false),
            ("go.sum", 100, false),
            ("poetry.lock", 100, false), ("Gemfile.lock", 100, false), ("composer.lock", 100, false),
            ("pnpm-lock.yaml", 100, false), ("node_modules/x/index.js", 100, false), ("vendor/a/b.go", 100, false),
            (".venv/lib/x.py", 100, false), ("lib/python3.12/site-packages/x.py", 100, false), ("logo.png", 100, false),
            (".npmrc", 100, true), ("src/vendor.ts", 100, true),
        ] as [(String, Int64, Bool)])
    func whichFilesAreRead(path: String, size: Int64, expected: Bool) {
        #expect(check.shouldReadContent(path: path, size: size) == expected)
    }
}

/// Regressions found by scanning ctxtrim's own sources: code and documentation that name key formats are not keys.
@Suite struct SecretScannerSelfScanTests {
    @Test func sourceCodeNamingAPEMHeaderIsNotAKey() {
        let text =
            "let header = \"" + "-----BEGIN " + "RSA PRIVATE KEY-----\"\nfunc parse(_ text: String) -> [UInt8] {\n"
            + String(
                repeating: "    return decodeBase64(text.dropFirst(header.count)) // ABCDEFGHIJKLMNOP\n", count: 10)
        #expect(SecretScanner().scan(Array(text.utf8)).isEmpty)
    }

    @Test func documentationNamingServiceAccountFieldsIsNotAKey() {
        let text = "/// `\"type\": \"" + "service_account\"` in a JSON file that also has a `\"private_key\"`.\n"
        #expect(SecretScanner().scan(Array(text.utf8)).isEmpty)
    }

    @Test func encryptedPEMWithHeaderLinesIsStillAKey() {
        let body = (0..<6).map { _ in "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun" }.joined(
            separator: "\n")
        let text =
            "-----BEGIN " + "RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n"
            + body + "\n-----END " + "RSA PRIVATE KEY-----\n"
        #expect(SecretScanner().scan(Array(text.utf8)).count == 1)
    }
}
