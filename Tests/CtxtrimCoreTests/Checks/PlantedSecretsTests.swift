import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// A tree of planted fake secrets is found completely; a tree of ordinary source files yields no `secret-*` finding;
/// no output ever carries a secret value.
@Suite struct PlantedSecretsTests {
    static let seed = TestSeeds.one(0x00C7_7712_0000_0004)
    static let depths = ["", "services/api/", "a/b/c/d/"]

    /// File names that `secret-file` must flag, with harmless content.
    static let secretFileNames = [
        ".env", ".env.local", ".env.production", "prod.env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "deploy_rsa",
        "github_ed25519", ".ssh/deploy_key", "server.pem", "privkey.pem", "tls.key", "cert.p12", "cert.pfx", "app.jks",
        "release.keystore", "putty.ppk", "vault.kdbx", ".git-credentials", ".pgpass",
        ".htpasswd", ".vault-token", ".s3cfg", ".docker/config.json", ".aws/credentials", ".kube/config", "kubeconfig",
        "prod.kubeconfig", "kubeconfig.yaml", "kubeconfig-prod", "application_default_credentials.json",
        "service-account.json",
        "service-account-prod.json", "credentials.json", "secrets.yml", "secrets.yaml", "secrets.json", "secrets.toml",
        "terraform.tfstate", "terraform.tfstate.backup", "prod.tfvars", "prod.tfvars.json",
    ]

    /// Ordinary files that must not produce any `secret-*` finding.
    static let ordinaryFiles: [String: String] = [
        "src/main.go": "package main\n\nfunc main() { println(\"hello\") }\n",
        "src/key.go": "package src\n\n// Key identifies a record.\ntype Key string\n",
        "ui/keyboard.ts": "export const keyboard = { layout: 'qwerty' };\n",
        "src/environment.ts": "export const environment = { production: false, apiUrl: '/api' };\n",
        "monkey.pem.go": "package monkey\n",
        "pkg/kubeconfig.go": "package pkg\n\n// Load reads a kubeconfig.\nfunc Load() {}\n",
        ".npmrc": "legacy-peer-deps=true\nregistry=https://registry.npmjs.org/\n",
        ".pypirc": "[distutils]\nindex-servers = pypi\n[pypi]\nusername = __token__\npassword = ${PYPI_TOKEN}\n",
        ".netrc": "machine github.com login me password $GITHUB_TOKEN\n",
        "id_rsa.pub": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHypotheticalPublicKeyOnly user@host\n",
        "tls/ca-cert.pem": "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n",
        ".env.example": "DATABASE_URL=postgres://user:password@localhost/db\nGITHUB_TOKEN=<your-token>\n",
        ".env.sample": "API_KEY=changeme\n",
        ".env.template": "API_KEY=${API_KEY}\n",
        ".envrc": "use nix\nlayout python3\n",
        "README.md": """
        # Demo
        Set `GITHUB_TOKEN` to a personal access token (it starts with `ghp_`), for example
        `ghp_\(String(repeating: "x", count: 36))`. AWS documents the key id `AKIA\("IOSFODNN7")EXAMPLE` and the secret
        `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY\("EXAMPLE")KEY`. Slack webhooks look like
        https://hooks.slack.com/services/T00000000/B00000000/\(String(repeating: "X", count: 24)).
        Put `//registry.npmjs.org/:_authToken=${NPM_TOKEN}` in `.npmrc` at build time.
        Stripe test keys such as `sk_test_` are fine for CI.

        """,
        "docs/npm.md": "```\n//registry.npmjs.org/:_authToken=<your-token>\n_auth=${NPM_AUTH}\n```\n",
        "tests/test_login.py": """
        def test_login(client):
            password = "hunter2"
            self._password = password
            assert client.login(user="alice", password=password)

        """,
        "tests/fixtures/users.json": "[{\"name\": \"alice\", \"password\": \"correct horse battery staple\"}]\n",
        "config/application.yml": "db:\n  password: ${DB_PASSWORD}\n  token: <token>\n",
        "src/pem.go":
            "const header = \"-----BEGIN RSA PRIVATE KEY-----\"\nconst footer = \"-----END RSA PRIVATE KEY-----\"\n",
        "src/tokens.ts": "export const prefixes = ['ghp_', 'github_pat_', 'xoxb-', 'npm_', 'glpat-', 'sk_live_'];\n",
        "docs/keys.md": "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n",
        "src/npm_config.js": "const registry = process.env.npm_config_registry_url_for_the_private_mirror_here;\n",
        "node_modules/pkg/test/fixtures/server.key": "fixture key of a dependency\n",
        "node_modules/pkg/.env": "FIXTURE=1\n",
        "vendor/github.com/x/y/testdata/id_rsa": "fixture\n",
    ]

    @Test func everyPlantedSecretIsFoundAndNothingMore() throws {
        var random = SplitMix64(seed: Self.seed)
        let secrets = FakeSecret.all(using: &random)
        let context = try TemporaryContext()

        var expectedFileFindings: Set<String> = []
        var expectedContent: [String: Set<SecretKind>] = [:]
        var plantedLines: [String: ClosedRange<Int>] = [:]
        for depth in Self.depths {
            for name in Self.secretFileNames {
                try context.write(depth + name, "placeholder = true\n")
                expectedFileFindings.insert(depth + name)
            }
            for (index, secret) in secrets.enumerated() {
                let path = depth + "config/app-\(index).conf"
                try context.write(path, "# settings\nname = demo\n\(secret.text)\nport = 8080\n")
                expectedContent[path] = secret.kinds
                plantedLines[path] = 3...(3 + secret.text.filter { $0 == "\n" }.count)
            }
        }
        let findings = try context.runChecks()

        let fileFindings = Set(findings.filter { $0.check == "secret-file" }.map(\.path))
        #expect(fileFindings == expectedFileFindings, "missing: \(expectedFileFindings.subtracting(fileFindings))")
        var foundContent: [String: Set<SecretKind>] = [:]
        for finding in findings where finding.check == "secret-content" {
            let kind = try #require(SecretKind.allCases.first { finding.message.hasPrefix($0.title) })
            foundContent[finding.path, default: []].insert(kind)
            #expect(
                plantedLines[finding.path]?.contains(finding.line ?? 0) == true, "\(finding.path) seed \(Self.seed)")
        }
        #expect(foundContent == expectedContent, "seed \(Self.seed)")
        let contentCount = expectedContent.values.map(\.count).reduce(0, +)
        print(
            "planted: \(expectedFileFindings.count) secret files, \(contentCount) content secrets in \(expectedContent.count) files; found \(fileFindings.count) and \(foundContent.values.map(\.count).reduce(0, +))"
        )
        #expect(
            findings.filter { $0.check.rawValue.hasPrefix("secret-") }.count == expectedFileFindings.count
                + contentCount)
    }

    @Test func ordinarySourceTreeHasNoSecretFinding() throws {
        let context = try TemporaryContext()
        for depth in Self.depths {
            for (path, text) in Self.ordinaryFiles { try context.write(depth + path, text) }
        }
        let findings = try context.runChecks()
        let secretFindings = findings.filter { $0.check.rawValue.hasPrefix("secret-") }
        print(
            "ordinary tree: \(Self.ordinaryFiles.count * Self.depths.count) files, \(secretFindings.count) secret findings"
        )
        #expect(secretFindings.isEmpty, "\(secretFindings.map { "\($0.path): \($0.message)" })")
    }

    @Test func noOutputEverContainsASecretValue() throws {
        var random = SplitMix64(seed: Self.seed ^ 0xFFFF)
        let secrets = FakeSecret.all(using: &random)
        let context = try TemporaryContext()
        for (index, secret) in secrets.enumerated() {
            try context.write("s\(index).txt", secret.text + "\n" + secret.text)
        }
        let findings = try context.runChecks()
        #expect(findings.count == secrets.map(\.kinds.count).reduce(0, +))

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let rendered =
            ([String(decoding: try encoder.encode(findings), as: UTF8.self)]
            + findings.flatMap { [$0.check.rawValue, $0.path, $0.message, String(describing: $0)] }).joined(
                separator: "\n")
        let renderedCharacters = Array(rendered)
        let renderedWindows = Set(
            (0..<max(0, renderedCharacters.count - 7)).map { String(renderedCharacters[$0..<$0 + 8]) })
        for secret in secrets {
            for value in secret.values {
                // Past its first four characters, no eight-character window of the value may appear anywhere.
                let characters = Array(value)
                for start in stride(from: 4, to: characters.count - 8, by: 1) {
                    let window = String(characters[start..<start + 8])
                    #expect(!renderedWindows.contains(window), "\(secret) leaked `\(window)`")
                }
            }
        }
    }
}
