/// `secret-content`: small text files whose content carries a credential (private keys, cloud and forge tokens, ...).
package struct SecretContentCheck: ContentCheck {
    /// Larger files are not read.
    package static let maximumSize: Int64 = 1 << 20
    /// A NUL byte within this prefix marks a file as binary; binary files are skipped.
    package static let binaryProbeLength = 8 << 10

    private let scanner = SecretScanner()

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .secretContent, title: "Secret in file content",
        summary: "A small text file that would be sent contains a credential.",
        defaultSeverity: .error,
        help: """
            Reads text files up to 1 MiB (a NUL byte in the first 8 KiB marks a binary file, which is skipped) \
            and looks for: private key blocks with a real body, AWS access key ids (`AKIA`, `ASIA`, ...) and \
            secret access keys, GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`), GitLab \
            (`glpat-`), Slack tokens (`xoxb-`, ...) and webhooks, npm tokens (`npm_`) and `.npmrc` \
            credentials (`_authToken=`, `_auth=`, `_password=`), PyPI tokens, Google service-account JSON keys \
            and Stripe live keys (`sk_live_`, `rk_live_`; test-mode keys are not reported). Placeholders are \
            not reported: values with few distinct characters (`xxxx`), `example`, `${TOKEN}`, `<your-token>`, \
            and AWS's documented example keys (ending in `EXAMPLE`). Lock files and files inside \
            `node_modules/`, `vendor/`, virtualenvs and `site-packages/` are not read. Findings name the kind \
            and line, never the value. Revoke the credential, remove it from the file, and pass it at build \
            time with `RUN --mount=type=secret,id=...`, or exclude the file in .dockerignore.
            """,
        subjects: [.file], fixReason: "secrets", yieldsToClaimedDirectories: false,
        examples: [
            .content(
                "a GitHub token (`ghp_` + 36 characters) in `config.yml`", triggers: true, path: "config.yml",
                text: "github:\n  token: \(ExampleSecrets.gitHubToken)\n"),
            .content(
                "an AWS access key id in `deploy/settings.py`", triggers: true, path: "deploy/settings.py",
                text: "KEY_ID = '\(ExampleSecrets.awsAccessKeyID)'\n"),
            .content(
                "a private key block with a body in `app/key.txt`", triggers: true, path: "app/key.txt",
                text: ExampleSecrets.privateKeyBlock),
            .content(
                "an `_authToken=` line in `.npmrc`", triggers: true, path: ".npmrc",
                text: "//registry.npmjs.org/:_authToken=\(ExampleSecrets.npmLegacyToken)\n"),
            .content(
                "AWS's documented example key id", triggers: false, path: "docs/aws.md",
                text: "Use `AKIA" + "IOSFODNN7" + "EXAMPLE` as the key id.\n"),
            .content(
                "a placeholder token `ghp_xxxx...`", triggers: false, path: "README.md",
                text: "export GITHUB_TOKEN=ghp_" + String(repeating: "x", count: 36) + "\n"),
            .content(
                "`_authToken=${NPM_TOKEN}`", triggers: false, path: ".npmrc",
                text: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
            .content(
                "code that handles a password", triggers: false, path: "src/login_test.py",
                text: "def test_login(self):\n    self._password = password\n    assert login('user', 'password')\n"),
            .content(
                "a parser that names the PEM header", triggers: false, path: "src/pem.go",
                text: "const header = \"-----BEGIN RSA PRIVATE KEY-----\"\n"),
            .content(
                "a private key in a lock file", triggers: false, path: "package-lock.json",
                text: ExampleSecrets.privateKeyBlock),
        ])

    package func shouldReadContent(path: String, size: Int64) -> Bool { Self.reads(path: path, size: size) }

    /// Whether the check reads a file of `size` bytes at `path` (binary content is still skipped once read).
    static func reads(path: String, size: Int64) -> Bool {
        guard size > 0, size <= Self.maximumSize, !VendoredPaths.contains(path) else { return false }
        let name = ContextPath.name(of: path)
        if Self.lockFileNames.contains(name) { return false }
        guard let dot = name.lastIndex(of: ".") else { return true }
        return !Self.binaryExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    package func check(path: String, content: [UInt8]) -> [Finding] {
        guard shouldReadContent(path: path, size: Int64(content.count)),
            !content.prefix(Self.binaryProbeLength).contains(0)
        else { return [] }
        var firstMatch: [SecretKind: SecretMatch] = [:]
        var occurrences: [SecretKind: Int] = [:]
        for match in matches(path: path, content: content) {
            if firstMatch[match.kind] == nil { firstMatch[match.kind] = match }
            occurrences[match.kind, default: 0] += 1
        }
        return firstMatch.values.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }.map { match in
            let count = occurrences[match.kind] ?? 1
            let hint = match.hint.isEmpty ? "" : " (`\(match.hint)`)"
            let more = count > 1 ? ", \(count) occurrences" : ""
            return finding(
                .file(path, line: match.line),
                message: """
                    \(match.kind.title)\(hint) on line \(match.line)\(more): revoke it, remove it from the file and \
                    pass it at build time with `RUN --mount=type=secret,id=...`, or add `\(path)` to .dockerignore.
                    """,
                bytes: Int64(content.count))
        }
    }

    /// Every secret in the content of the file at `path`, in file order, each occurrence (no reading rules applied).
    package func matches(path: String, content: [UInt8]) -> [SecretMatch] {
        var matches = scanner.scan(content)
        if Self.credentialFileNames.contains(ContextPath.name(of: path)) {
            matches += scanner.configPasswords(content)
            matches.sort { $0.line < $1.line }
        }
        return matches
    }

    /// Files whose `password = ...` lines are credentials (elsewhere the key is too common in code).
    private static let credentialFileNames: Set<Substring> = [".pypirc"]

    private static let lockFileNames: Set<Substring> = [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "Cargo.lock", "go.sum",
        "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "Gemfile.lock", "composer.lock", "Package.resolved",
        "packages.lock.json", "gradle.lockfile", "mix.lock", "pubspec.lock", "flake.lock",
    ]

    private static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "ico", "pdf", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "jar", "war",
        "class", "so", "dylib", "dll", "exe", "o", "a", "wasm", "woff", "woff2", "ttf", "otf", "mp3", "mp4", "mov",
        "sqlite", "db",
    ]
}
