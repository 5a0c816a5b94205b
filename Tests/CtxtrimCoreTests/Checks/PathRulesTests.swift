import Testing

@testable import CtxtrimCore

@Suite struct PathRulesTests {
    @Test(arguments: [
        (".env", true), ("a/.env.local", true), (".env.development.local", true), ("docker/prod.env", true),
        (".env.example", false), (".env.sample", false), (".env.template", false), (".env.dist", false),
        (".env.example.local", false), ("example.env", false), (".envrc", false), ("src/environment.ts", false),
        ("id_rsa", true), ("keys/id_ed25519_sk", true), ("ci_deploy_ecdsa", true), ("id_rsa.pub", false),
        ("crypto_rsa.go", false), ("home/.ssh/deploy", true), ("home/.ssh/known_hosts", false),
        ("home/.ssh/config", false),
        ("tls/server.pem", true), ("tls/privkey.pem", true), ("tls/ca.pem", false), ("tls/server-cert.pem", false),
        ("tls/server-key-cert.pem", true), ("monkey.pem.go", false), ("key.go", false), ("keyboard.ts", false),
        ("master.key", true), ("a.P12", true), ("docker/config.json", false), ("x/.docker/config.json", true),
        ("config.json", false), (".aws/credentials", true), (".aws/config", false), (".kube/config", true),
        ("service-account-prod.json", true), ("service.json", false), ("terraform.tfstate.backup", true),
        ("vars.tfvars", true), ("main.tf", false), ("secrets.yml", true), ("secret.go", false),
    ])
    func credentialFileNames(path: String, isSecret: Bool) {
        #expect((SecretFileCheck.credentialKind(ofPath: path) != nil) == isSecret)
    }

    @Test(arguments: [
        ("link", "/etc", true), ("link", "a/b", false), ("link", "..", true), ("a/link", "..", false),
        ("a/link", "../..", true), ("a/b/link", "../../x", false), ("a/b/link", "./../../../x", true),
        ("a/link", "b/../../..", true), ("a/link", "b/../../c", false), ("link", "", false), ("link", ".", false),
    ])
    func symlinkEscapes(link: String, target: String, escapes: Bool) {
        #expect(ContextPath.linkLeavesContext(linkPath: link, target: target) == escapes)
    }

    @Test func pathHelpers() {
        #expect(ContextPath.name(of: "a/b/c") == "c")
        #expect(ContextPath.parent(of: "a/b/c") == "a/b")
        #expect(ContextPath.parent(of: "c") == "")
        #expect(ContextPath.topLevel(of: "a/b/c") == "a")
        #expect(ContextPath.ignorePattern(forEntryNamed: "node_modules") == "node_modules")
        #expect(ContextPath.ignorePattern(forEntryNamed: "web/node_modules") == "**/node_modules")
        var claimed = ClaimedDirectories()
        claimed.claim("a/b")
        #expect(claimed.coversStrictly("a/b/c/d") && !claimed.coversStrictly("a/b") && claimed.covers("a/b"))
        #expect(!claimed.covers("a/bc") && !claimed.covers("a"))
    }

    @Test(arguments: ["app.log", "app.log.1", "npm-debug.log.123", "yarn-error.log"])
    func logNames(name: String) { #expect(LogFileCheck.isLogFileName(name[...])) }

    @Test(arguments: [".log", "log", "logger.go", "catalog", "app.log.x", "changelog.md", ".log.1"])
    func notLogNames(name: String) { #expect(!LogFileCheck.isLogFileName(name[...])) }
}
