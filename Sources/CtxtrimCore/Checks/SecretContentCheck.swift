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
            and looks for the formats of the gitleaks and trufflehog catalogues: private key blocks with a real \
            body; AWS access key ids (`AKIA`, `ASIA`, ...) and secret access keys (`aws_secret_access_key`, \
            `secretAccessKey`); GitHub (`ghp_`, `gho_`, \
            `ghu_`, `ghs_`, `ghr_`, `github_pat_`), GitLab (`glpat-`); Slack tokens and webhooks; npm tokens \
            (`npm_`) and `.npmrc` credentials (`_authToken=`, `_auth=`, `_password=`); PyPI tokens and \
            `.pypirc` passwords; Stripe live keys (`sk_live_`, `rk_live_`); OpenAI (`sk-`, `sk-proj-`, \
            `sk-svcacct-` with the `T3BlbkFJ` marker) and Anthropic (`sk-ant-`) keys; Google API keys (`AIza` + \
            35) and service-account JSON keys; Twilio API keys (`SK` + 32 hex) and account SIDs with their auth \
            token, both next to the word `twilio`; SendGrid (`SG.`); Azure storage `AccountKey=`; Vault \
            (`hvs.`, `hvb.`, entropy at least 3.5); DigitalOcean (`dop_v1_`, `doo_v1_`, `dor_v1_`); Shopify \
            (`shpat_`, `shpca_`, `shppa_`, `shpss_`); Heroku (`HRKU-`, or `heroku` + key name + a UUID); signed \
            JWTs (`eyJ...eyJ...signature`); passwords in URLs (`scheme://user:password@host.domain`); \
            kubeconfig `client-key-data` and, in a kubeconfig, `token:`; Docker `auths` entries (`"auth"`: \
            base64 of `user:password`); `.netrc` `machine ... password ...`; JSON `"private_key"` values. \
            Placeholders are never credentials: values with few distinct characters (`xxxx`, `0000`), \
            `example`, `changeme`, `your-...-here`, `dummy`, `redacted`, `${VAR}`, `$VAR`, `{{ .x }}`, \
            `<your-token>`, `%s`, AWS's documented example keys (ending in `EXAMPLE`), a URL password that \
            names itself (`password`, `secret`) or repeats the user (`postgres:postgres@`), well-known \
            defaults (`root`, `guest`, ...). Public values are not reported: Stripe test-mode and publishable \
            keys, Supabase `anon` JWTs and jwt.io's sample token, the Azurite development key, Twilio SIDs \
            without an auth token, Heroku app ids, and logins of URLs whose host has no dot (`db`, `localhost`: \
            a container's own development database). Lock files and files inside `node_modules/`, `vendor/`, \
            virtualenvs and `site-packages/` are not read. Findings name the kind and line, never the value; \
            a finding is an error whether git tracks the file or not. Revoke the credential, remove it from \
            the file, and pass it at build time with `RUN --mount=type=secret,id=...`, or exclude the file in \
            .dockerignore.
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
                "an OpenAI project key in `config.py`", triggers: true, path: "config.py",
                text: "OPENAI_API_KEY = \"\(ExampleSecrets.openAIKey)\"\n"),
            .content(
                "an Anthropic key in `settings.toml`", triggers: true, path: "settings.toml",
                text: "anthropic_key = \"\(ExampleSecrets.anthropicKey)\"\n"),
            .content(
                "a Google API key in `deploy.yml`", triggers: true, path: "deploy.yml",
                text: "env:\n  MAPS_KEY: \(ExampleSecrets.googleAPIKey)\n"),
            .content(
                "a Twilio API key next to `TWILIO_API_KEY`", triggers: true, path: ".env.production",
                text: "TWILIO_API_KEY=\(ExampleSecrets.twilioAPIKey)\n"),
            .content(
                "a SendGrid key in `app.json`", triggers: true, path: "app.json",
                text: "{\"sendgrid\": \"\(ExampleSecrets.sendGridKey)\"}\n"),
            .content(
                "an Azure storage connection string", triggers: true, path: "appsettings.json",
                text: ExampleSecrets.azureConnectionString),
            .content(
                "a database URL with a password", triggers: true, path: "config/database.yml",
                text: "url: postgres://app:\(ExampleSecrets.password)@db.prod.corp.net:5432/app\n"),
            .content(
                "`client-key-data` in `kubeconfig.yaml`", triggers: true, path: "kubeconfig.yaml",
                text: "users:\n- name: admin\n  user:\n    client-key-data: \(ExampleSecrets.kubeClientKeyData)\n"),
            .content(
                "a Docker `auths` entry", triggers: true, path: "ci/docker.json",
                text: "{\"auths\": {\"registry.corp.net\": {\"auth\": \"\(ExampleSecrets.dockerAuth)\"}}}\n"),
            .content(
                "a `.netrc`-style `machine ... password ...` line", triggers: true, path: "ci/login.conf",
                text: "machine git.corp.net login ci password \(ExampleSecrets.password)\n"),
            .content(
                "a Vault token", triggers: true, path: "deploy.sh",
                text: "export VAULT_TOKEN=\(ExampleSecrets.vaultToken)\n"),
            .content(
                "a DigitalOcean token", triggers: true, path: "settings.toml",
                text: "token = \"\(ExampleSecrets.digitalOceanToken)\"\n"),
            .content(
                "a Shopify access token", triggers: true, path: "shop.rb",
                text: "ADMIN_TOKEN = '\(ExampleSecrets.shopifyToken)'\n"),
            .content(
                "a Heroku API key (`HEROKU_API_KEY` = UUID)", triggers: true, path: ".env.ci",
                text: "HEROKU_API_KEY=\(ExampleSecrets.uuid)\n"),
            .content(
                "a signed JWT", triggers: true, path: "client.ts",
                text: "const serviceToken = '\(ExampleSecrets.jsonWebToken)';\n"),
            .content(
                "a committed file with a credential is still an error", triggers: true, path: "src/settings.py",
                text: "GITHUB_TOKEN = '\(ExampleSecrets.gitHubToken)'\n", gitClass: .tracked),
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
                "placeholder keys (`sk-...`, `<your-key>`, `${VAR}`, `your-...-here`)", triggers: false,
                path: "docs/setup.md",
                text: "OPENAI_API_KEY=sk-...\nANTHROPIC_API_KEY=<your-key>\nVAULT_TOKEN=${VAULT_TOKEN}\n"
                    + "SENDGRID_API_KEY=your-sendgrid-key-here\nHEROKU_API_KEY=$HEROKU_API_KEY\n"),
            .content(
                "URLs with stand-in or local logins", triggers: false, path: "docker-compose.yml",
                text: "DATABASE_URL: postgres://user:password@localhost/app\n"
                    + "CACHE_URL: redis://:${REDIS_PASSWORD}@cache.corp.net\nMQ_URL: amqp://guest:guest@mq:5672\n"
                    + "DB: mysql://root:whalehello@db:3306/app\nGIT: https://ci:{{ .Token }}@git.corp.net\n"),
            .content(
                "a Stripe test-mode key", triggers: false, path: "tests/test_billing.py",
                text: ExampleSecrets.stripeTestKey),
            .content(
                "a Twilio account SID alone and a Heroku app id", triggers: false, path: "settings.py",
                text: ExampleSecrets.twilioSIDAndHerokuAppID),
            .content(
                "hashes, UUIDs and lock-file integrity strings", triggers: false, path: "checksums.txt",
                text: ExampleSecrets.hashesAndIDs),
            .content(
                "`token:` outside a kubeconfig", triggers: false, path: "config/app.yml",
                text: "github:\n  token: REDACTED\ncsrf:\n  token: \(ExampleSecrets.password)\n"),
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
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return true }
        return !Self.binaryExtensions.contains(name[name.utf8.index(after: dot)...].lowercased())
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
