/// `secret-file`: files whose name says they hold credentials (dotenv files, private keys, cloud and registry logins,
/// Terraform state).
package struct SecretFileCheck: EntryCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .secretFile, title: "Secret file",
        summary: "A file whose name marks it as credentials would be sent to the builder.",
        defaultSeverity: .error,
        help: """
            Everything in the build context reaches the builder and can end up in an image layer. Exclude the \
            file in .dockerignore; if the build needs it, pass it with `RUN --mount=type=secret,id=...` and \
            `docker build --secret id=...,src=...`. Matched by name: `.env` and `.env.*` (not `.env.example`, \
            `.sample`, `.template`, `.dist`, `.tpl`, `.tmpl`), `*.env`; SSH keys (`id_rsa`, `*_ed25519`, ... \
            not `*.pub`) and files in `.ssh/` other than `known_hosts`, `authorized_keys`, `config`; `*.pem` \
            (unless named as a certificate: `cert`, `chain`, `ca`, `bundle`, `pub`), `*.key`, `*.p12`, `*.pfx`, \
            `*.jks`, `*.keystore`, `*.ppk`, `*.kdbx`; `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, \
            `.pgpass`, `.htpasswd`, `.vault-token`, `.s3cfg`; `.docker/config.json`, `.aws/credentials`, \
            `.kube/config`, `kubeconfig`; `application_default_credentials.json`, `service-account*.json`, \
            `credentials.json`, `secrets.{yml,yaml,json,toml}`; `*.tfstate`, `*.tfstate.backup`, `*.tfvars`. \
            `.envrc` (direnv) is not matched by name because it usually only loads tools; its content is still \
            scanned by `secret-content`. Files inside `node_modules/`, `vendor/`, virtualenvs and `.git/` \
            are not reported: they are other people's fixtures, and the directory has its own finding.
            """,
        subjects: [.file], fixReason: "secrets", yieldsToClaimedDirectories: false,
        examples: [
            .entries("`.env` at the root", triggers: true, .init(path: ".env", kind: .file, size: 120)),
            .entries("`.env.production` deep down", triggers: true, .init(path: "a/b/.env.production", kind: .file)),
            .entries("`id_ed25519` SSH key", triggers: true, .init(path: "deploy/id_ed25519", kind: .file)),
            .entries("`server.pem`", triggers: true, .init(path: "certs/server.pem", kind: .file)),
            .entries("`terraform.tfstate`", triggers: true, .init(path: "infra/terraform.tfstate", kind: .file)),
            .entries("`.docker/config.json`", triggers: true, .init(path: "ci/.docker/config.json", kind: .file)),
            .entries("`.env.example`", triggers: false, .init(path: ".env.example", kind: .file)),
            .entries("`.envrc`", triggers: false, .init(path: ".envrc", kind: .file)),
            .entries("`environment.ts`", triggers: false, .init(path: "src/environment.ts", kind: .file)),
            .entries("`key.go`", triggers: false, .init(path: "crypto/key.go", kind: .file)),
            .entries("`keyboard.ts`", triggers: false, .init(path: "ui/keyboard.ts", kind: .file)),
            .entries("`monkey.pem.go`", triggers: false, .init(path: "monkey.pem.go", kind: .file)),
            .entries("`id_rsa.pub`", triggers: false, .init(path: "id_rsa.pub", kind: .file)),
            .entries("`fullchain-cert.pem`", triggers: false, .init(path: "tls/fullchain-cert.pem", kind: .file)),
            .entries("`.env` inside node_modules", triggers: false, .init(path: "node_modules/x/.env", kind: .file)),
            .entries("a directory named `.env`", triggers: false, .init(path: ".env", kind: .directory)),
        ])

    package func check(_ entry: EntryFacts) -> Finding? {
        guard entry.kind == .file, !VendoredPaths.contains(entry.path),
            let kind = Self.credentialKind(ofPath: entry.path)
        else { return nil }
        let pattern = ContextPath.ignorePattern(forEntryNamed: entry.path)
        return finding(
            about: entry,
            message: """
                \(kind) would be sent to the builder: add `\(pattern)` to .dockerignore; if the build needs it, \
                mount it as a build secret (`RUN --mount=type=secret,id=...`).
                """,
            bytes: entry.size, suggestion: pattern)
    }

    /// What kind of credential a file at `path` holds, judged by its name, or nil.
    package static func credentialKind(ofPath path: String) -> String? {
        let name = ContextPath.name(of: path).lowercased()
        let parentName = ContextPath.name(of: String(ContextPath.parent(of: path))).lowercased()
        if let kind = exactNames[name] { return kind }
        if let kind = namesInDirectory[parentName + "/" + name] { return kind }
        if name.hasPrefix(".env.") {
            let variant = name.dropFirst(".env.".count).split(separator: ".")
            return variant.contains(where: { templateWords.contains($0) }) ? nil : "A dotenv file"
        }
        if name.hasSuffix(".env"), name.count > ".env".count {
            let stem = name.dropLast(".env".count).split(separator: ".")
            return stem.contains(where: { templateWords.contains($0) }) ? nil : "A dotenv file"
        }
        if sshKeyNames.contains(name) || sshKeySuffixes.contains(where: { name.hasSuffix($0) && name.count > $0.count })
        {
            return "An SSH private key"
        }
        if parentName == ".ssh", !name.hasSuffix(".pub"), !sshPublicNames.contains(name) {
            return "An SSH key file"
        }
        if name.hasPrefix("service-account"), name.hasSuffix(".json") { return "A cloud service-account key" }
        if name.hasSuffix(".pem") { return isCertificateName(name.dropLast(".pem".count)) ? nil : "A PEM key file" }
        for (suffix, kind) in suffixes where name.hasSuffix(suffix) { return kind }
        return nil
    }

    private static let templateWords: Set<Substring> = ["example", "sample", "template", "dist", "tpl", "tmpl"]
    private static let sshKeyNames: Set<String> = [
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk",
    ]
    private static let sshKeySuffixes = ["_rsa", "_dsa", "_ecdsa", "_ed25519"]
    private static let sshPublicNames: Set<String> = ["known_hosts", "known_hosts.old", "authorized_keys", "config"]
    private static let certificateWords: Set<Substring> = [
        "cert", "certs", "certificate", "crt", "chain", "fullchain", "ca", "cacert", "bundle", "pub", "public",
    ]

    static let exactNames: [String: String] = [
        ".env": "A dotenv file",
        ".npmrc": "An npm config (registry tokens)",
        ".pypirc": "A PyPI config (upload credentials)",
        ".netrc": "A netrc file (login credentials)",
        "_netrc": "A netrc file (login credentials)",
        ".git-credentials": "A git credential store",
        ".pgpass": "A PostgreSQL password file",
        ".htpasswd": "An htpasswd file",
        ".vault-token": "A Vault token",
        ".s3cfg": "An s3cmd config (AWS keys)",
        "kubeconfig": "A kubeconfig (cluster credentials)",
        "application_default_credentials.json": "Google application-default credentials",
        "credentials.json": "A credentials file",
        "secrets.yml": "A secrets file",
        "secrets.yaml": "A secrets file",
        "secrets.json": "A secrets file",
        "secrets.toml": "A secrets file",
    ]

    private static let namesInDirectory: [String: String] = [
        ".docker/config.json": "A Docker registry login",
        ".aws/credentials": "AWS credentials",
        ".kube/config": "A kubeconfig (cluster credentials)",
    ]

    private static let suffixes: [(String, String)] = [
        (".key", "A private key file"),
        (".p12", "A PKCS#12 key store"),
        (".pfx", "A PKCS#12 key store"),
        (".jks", "A Java key store"),
        (".keystore", "A key store"),
        (".ppk", "A PuTTY private key"),
        (".kdbx", "A KeePass database"),
        (".kubeconfig", "A kubeconfig (cluster credentials)"),
        (".tfstate", "Terraform state (holds resource secrets)"),
        (".tfstate.backup", "Terraform state (holds resource secrets)"),
        (".tfvars", "Terraform variables"),
        (".tfvars.json", "Terraform variables"),
    ]

    /// Whether a `.pem` stem names public material (`server-cert`, `fullchain`, `ca`) rather than a key.
    private static func isCertificateName(_ stem: Substring) -> Bool {
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        return !words.contains(where: { $0.contains("key") })
            && words.contains(where: { certificateWords.contains($0) })
    }
}
