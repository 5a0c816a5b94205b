/// `secret-file`: files whose name says they hold credentials (dotenv files, private keys, cloud and registry logins,
/// Terraform state).
package struct SecretFileCheck: EntryCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .secretFile, title: "Secret file",
        summary: "A file whose name marks it as credentials would be sent to the builder.",
        defaultSeverity: .error,
        help: """
            Everything in the build context reaches the builder and can end up in an image layer. Severity \
            follows evidence: a local file (untracked, git-ignored, or no git repository) is an error; a file \
            git tracks, or that the ignore file re-includes with a `!` line, is an info notice that says why \
            (committed to git, re-included on purpose by `.dockerignore` line N) and that `secret-content` \
            found no credential in it; when `secret-content` does find one, its error replaces the notice. \
            A notice never asks to revoke anything. Exclude the file in .dockerignore; if the build needs it, \
            pass it with `RUN --mount=type=secret,id=...` and `docker build --secret id=...,src=...`. Matched \
            by name: `.env` and `.env.*` (not `.env.example`, `.sample`, `.template`, `.dist`, `.tpl`, \
            `.tmpl`), `*.env`; SSH keys (`id_rsa`, `*_ed25519`, ... not `*.pub`) and files in `.ssh/` other \
            than `known_hosts`, `authorized_keys`, `config`; `*.pem` (unless named as a certificate: `cert`, \
            `chain`, `ca`, `bundle`, `pub`), `*.key`, `*.p12`, `*.pfx`, `*.jks`, `*.keystore`, `*.ppk`, \
            `*.kdbx`; `.git-credentials`, `.pgpass`, `.htpasswd`, `.vault-token`, `.s3cfg`; \
            `.docker/config.json`, `.aws/credentials`, `.kube/config` (suggested as `**/.docker/config.json`, \
            ..., never `**/config.json`); `kubeconfig`, `kubeconfig*` (`kubeconfig.yaml`, `kubeconfig-prod`; \
            not source files such as `kubeconfig.go`) and `*.kubeconfig`; \
            `application_default_credentials.json`, `service-account*.json`, `credentials.json`, \
            `secrets.{yml,yaml,json,toml}`; `*.tfstate`, `*.tfstate.backup`, `*.tfvars`. `.npmrc`, `.pypirc` \
            and `.netrc` are not matched by name: they are secrets only when they hold credential keys \
            (`_authToken`, `_auth`, `_password`, `password`), which `secret-content` reports. `.envrc` \
            (direnv) is not matched by name because it usually only loads tools; its content is still \
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
            .entries("`kubeconfig.yaml`", triggers: true, .init(path: "deploy/kubeconfig.yaml", kind: .file)),
            .entries("`prod.kubeconfig`", triggers: true, .init(path: "prod.kubeconfig", kind: .file)),
            .content(
                "a committed `.env` of a port number (info)", triggers: true, path: ".env",
                text: "RCT_METRO_PORT=8081\n", gitClass: .tracked
            ).withSeverity(.info),
            .content(
                "`.env.production` re-included by `!.env.production` (info)", triggers: true,
                path: ".env.production", text: "NEXT_PUBLIC_API_URL=https://api.corp.net\n",
                reincludedBy: .init(file: ".dockerignore", line: 3)
            ).withSeverity(.info),
            .content(
                "a committed `terraform.tfvars` of placeholders (info)", triggers: true, path: "terraform.tfvars",
                text: "gcp_project_id = \"<project_id_here>\"\n", gitClass: .tracked
            ).withSeverity(.info),
            .entries("`.env.example`", triggers: false, .init(path: ".env.example", kind: .file)),
            .entries("`.envrc`", triggers: false, .init(path: ".envrc", kind: .file)),
            .entries("`.npmrc` (judged by its content)", triggers: false, .init(path: ".npmrc", kind: .file)),
            .entries("`kubeconfig.go`", triggers: false, .init(path: "pkg/kubeconfig.go", kind: .file)),
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
        let pattern = Self.suggestedPattern(forPath: entry.path)
        let clean = Self.contentIsJudged(path: entry.path, size: entry.size) ? Self.noCredentialClause : ""
        if let rule = entry.reincludedBy {
            let committed = entry.gitClass == .tracked ? ", committed to git" : ""
            return Finding(
                check: Self.descriptor.id, severity: .info, subject: .entry(entry.path, kind: entry.kind),
                message: """
                    \(kind) is sent on purpose: re-included by `\(rule.file)` line \(rule.line)\(committed)\(clean). \
                    Nothing to do if the build needs it.
                    """,
                bytes: entry.size)
        }
        if entry.gitClass == .tracked {
            var notice = finding(
                about: entry,
                message: """
                    \(kind) is committed to git and sent to the builder\(clean). If the build does not need it, \
                    add `\(pattern)` to .dockerignore.
                    """,
                bytes: entry.size, suggestion: pattern)
            notice.severity = .info
            return notice
        }
        return finding(
            about: entry,
            message: """
                \(kind) would be sent to the builder: add `\(pattern)` to .dockerignore; if the build needs it, \
                mount it as a build secret (`RUN --mount=type=secret,id=...`).
                """,
            bytes: entry.size, suggestion: pattern)
    }

    /// What a notice about a committed or re-included file says when `secret-content` read it and found nothing.
    static let noCredentialClause = "; secret-content found no credential in its content"

    /// Whether `secret-content` reads the file and can judge it: text that is small enough, not a binary key store.
    static func contentIsJudged(path: String, size: Int64) -> Bool {
        let name = ContextPath.name(of: path).lowercased()
        return SecretContentCheck.reads(path: path, size: size)
            && !binaryStoreSuffixes.contains(where: { name.hasSuffix($0) })
    }

    private static let binaryStoreSuffixes = [".p12", ".pfx", ".jks", ".keystore", ".kdbx"]

    /// The findings of a run with the name findings reconciled with the content findings of the same file: a
    /// notice (committed or re-included file) yields to a content finding, which says more and louder; without
    /// `secret-content` in the run, no notice claims that the content was checked.
    static func reconcile(_ findings: [Finding], contentChecked: Bool) -> [Finding] {
        let withCredential = Set(findings.lazy.filter { $0.check == SecretContentCheck.descriptor.id }.map(\.path))
        return findings.compactMap { finding in
            guard finding.check == descriptor.id, finding.severity < .error else { return finding }
            if withCredential.contains(finding.path) { return nil }
            guard !contentChecked else { return finding }
            var notice = finding
            notice.message = notice.message.replacing(noCredentialClause, with: "")
            return notice
        }
    }

    /// The `.dockerignore` pattern for a file flagged by name: `**/<dir>/<name>` for names that are credentials only
    /// inside their directory (`.docker/config.json`, `.aws/credentials`, `.kube/config`), so that unrelated
    /// `config.json` files stay; the name (or `**/name`) otherwise.
    static func suggestedPattern(forPath path: String) -> String {
        let name = ContextPath.name(of: path)
        let parentName = ContextPath.name(of: String(ContextPath.parent(of: path)))
        if namesInDirectory[(parentName + "/" + name).lowercased()] != nil {
            return "**/\(parentName)/\(name)"
        }
        return ContextPath.ignorePattern(forEntryNamed: path)
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
        if isKubeconfigName(name) { return "A kubeconfig (cluster credentials)" }
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
        ".git-credentials": "A git credential store",
        ".pgpass": "A PostgreSQL password file",
        ".htpasswd": "An htpasswd file",
        ".vault-token": "A Vault token",
        ".s3cfg": "An s3cmd config (AWS keys)",
        "application_default_credentials.json": "A Google application-default credentials file",
        "credentials.json": "A credentials file",
        "secrets.yml": "A secrets file",
        "secrets.yaml": "A secrets file",
        "secrets.json": "A secrets file",
        "secrets.toml": "A secrets file",
    ]

    private static let namesInDirectory: [String: String] = [
        ".docker/config.json": "A Docker registry login",
        ".aws/credentials": "An AWS credentials file",
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
        (".tfstate", "A Terraform state file (holds resource secrets)"),
        (".tfstate.backup", "A Terraform state file (holds resource secrets)"),
        (".tfvars", "A Terraform variables file"),
        (".tfvars.json", "A Terraform variables file"),
    ]

    /// `kubeconfig`, `kubeconfig-prod`, `kubeconfig.yaml`, `prod.kubeconfig`; not source code named after it
    /// (`kubeconfig.go`, `kubeconfig_test.py`) nor templates (`kubeconfig.example.yaml`).
    private static func isKubeconfigName(_ name: String) -> Bool {
        if name.hasSuffix(".kubeconfig") { return true }
        guard name.hasPrefix("kubeconfig") else { return false }
        let rest = name.dropFirst("kubeconfig".count).split(separator: ".")
        if rest.contains(where: { templateWords.contains($0) }) { return false }
        guard name.contains("."), let last = rest.last else { return true }
        return kubeconfigExtensions.contains(last)
    }

    private static let kubeconfigExtensions: Set<Substring> = [
        "yaml", "yml", "json", "conf", "config", "cfg", "txt", "bak", "old", "backup",
    ]

    /// Whether a `.pem` stem names public material (`server-cert`, `fullchain`, `ca`) rather than a key.
    private static func isCertificateName(_ stem: Substring) -> Bool {
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        return !words.contains(where: { $0.contains("key") })
            && words.contains(where: { certificateWords.contains($0) })
    }
}
