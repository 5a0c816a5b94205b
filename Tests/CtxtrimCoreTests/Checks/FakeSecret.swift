import TestSupport

@testable import CtxtrimCore

/// A fake secret built at test time from parts, so the repository holds nothing secret scanners flag.
struct FakeSecret: CustomStringConvertible {
    /// The kinds the scanner must report for `text`.
    let kinds: Set<SecretKind>
    /// The text planted in a file (may span lines).
    let text: String
    /// The secret values that must never appear in any output.
    let values: [String]

    var description: String { kinds.map(\.rawValue).sorted().joined(separator: "+") }

    static let alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    static let upperAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    static let base64 = alphanumerics + "+/"

    /// One of every kind of secret the scanner knows, with the variants of each anchor.
    static func all(using random: inout SplitMix64) -> [FakeSecret] {
        var secrets: [FakeSecret] = []
        func add(_ kind: SecretKind, _ text: String, value: String? = nil) {
            secrets.append(FakeSecret(kinds: [kind], text: text, values: [value ?? text]))
        }
        for label in ["RSA", "EC", "OPENSSH", "DSA", "ENCRYPTED", ""] {
            let key = privateKey(label: label, lineBreak: "\n", using: &random)
            secrets.append(FakeSecret(kinds: [.privateKey], text: key.block, values: key.bodyLines))
        }
        for prefix in ["AK" + "IA", "AS" + "IA"] {
            let value = prefix + random.string(16, from: upperAndDigits)
            add(.awsAccessKeyID, "aws_access_key_id = \(value)", value: value)
        }
        let awsSecret = random.string(40, from: base64)
        add(.awsSecretAccessKey, "aws_secret_" + "access_key = \(awsSecret)", value: awsSecret)
        for prefix in ["gh" + "p_", "gh" + "o_", "gh" + "u_", "gh" + "s_", "gh" + "r_"] {
            let value = prefix + random.string(36, from: alphanumerics)
            add(.gitHubToken, "token: \(value)", value: value)
        }
        let fineGrained =
            "github" + "_pat_" + random.string(22, from: alphanumerics) + "_" + random.string(59, from: alphanumerics)
        add(.gitHubFineGrainedToken, "GH_TOKEN=\(fineGrained)", value: fineGrained)
        let gitLab = "gl" + "pat-" + random.string(20, from: alphanumerics)
        add(.gitLabToken, "GITLAB_TOKEN=\"\(gitLab)\"", value: gitLab)
        for prefix in ["xo" + "xb-", "xo" + "xp-"] {
            let value =
                prefix + random.string(12, from: "0123456789") + "-" + random.string(13, from: "0123456789") + "-"
                + random.string(24, from: alphanumerics)
            add(.slackToken, "slack_token: '\(value)'", value: value)
        }
        let webhookSecret = random.string(24, from: alphanumerics)
        let webhook =
            "https://hooks.slack" + ".com/services/T" + random.string(10, from: upperAndDigits) + "/B"
            + random.string(10, from: upperAndDigits) + "/" + webhookSecret
        add(.slackWebhook, "webhook = \(webhook)", value: webhookSecret)
        let npm = "np" + "m_" + random.string(36, from: alphanumerics)
        add(.npmToken, "NPM_TOKEN=\(npm)", value: npm)
        let authToken =
            random.string(8, from: "0123456789abcdef") + "-" + random.string(4, from: "0123456789abcdef") + "-"
            + random.string(4, from: "0123456789abcdef") + "-" + random.string(12, from: "0123456789abcdef")
        add(.npmRegistryCredential, "//registry.npmjs.org/:_auth" + "Token=\(authToken)", value: authToken)
        let basicAuth = random.string(32, from: base64) + "=="
        add(.npmRegistryCredential, "_au" + "th = \(basicAuth)", value: basicAuth)
        let password = random.string(24, from: base64)
        add(.npmRegistryCredential, "//npm.example.com/:_pass" + "word=\(password)", value: password)
        let pyPI = "pypi-AgEIcHlwaS5vcmc" + random.string(60, from: alphanumerics + "_-")
        add(.pyPIToken, "password = \(pyPI)", value: pyPI)
        for prefix in ["sk" + "_live_", "rk" + "_live_"] {
            let value = prefix + random.string(24, from: alphanumerics)
            add(.stripeLiveKey, "STRIPE_KEY=\(value)", value: value)
        }
        let hex = "0123456789abcdef"
        let tokenPart = alphanumerics + "_-"
        let openAI =
            "sk" + "-" + random.string(20, from: alphanumerics) + "T3Blbk" + "FJ"
            + random.string(20, from: alphanumerics)
        add(.openAIKey, "OPENAI_API_KEY=\(openAI)", value: openAI)
        let project =
            "sk" + "-proj-" + random.string(74, from: tokenPart) + "T3Blbk" + "FJ" + random.string(74, from: tokenPart)
        add(.openAIKey, "openai_key: \"\(project)\"", value: project)
        let anthropic = "sk" + "-ant-api03-" + random.string(93, from: tokenPart) + "AA"
        add(.anthropicKey, "ANTHROPIC_API_KEY=\(anthropic)", value: anthropic)
        let google = "AI" + "za" + random.string(35, from: tokenPart)
        add(.googleAPIKey, "maps_key = '\(google)'", value: google)
        let twilio = "S" + "K" + random.string(32, from: hex)
        add(.twilioAPIKey, "TWILIO_API_KEY=\(twilio)", value: twilio)
        let sendGrid = "S" + "G." + random.string(22, from: tokenPart) + "." + random.string(43, from: tokenPart)
        add(.sendGridKey, "SENDGRID_API_KEY=\(sendGrid)", value: sendGrid)
        let vault = "hv" + "s." + random.string(96, from: tokenPart)
        add(.vaultToken, "VAULT_TOKEN=\(vault)", value: vault)
        let digitalOcean = "do" + "p_v1_" + random.string(64, from: hex)
        add(.digitalOceanToken, "DO_TOKEN=\(digitalOcean)", value: digitalOcean)
        let shopify = "sh" + "pat_" + random.string(32, from: hex)
        add(.shopifyToken, "SHOPIFY_TOKEN=\(shopify)", value: shopify)
        let heroku = "HR" + "KU-AA" + random.string(58, from: tokenPart)
        add(.herokuAPIKey, "HEROKU_API_KEY=\(heroku)", value: heroku)
        let databasePassword = random.string(20, from: alphanumerics)
        add(
            .urlCredential, "DATABASE_URL=postgres://app:\(databasePassword)@db.internal.corp.net:5432/app",
            value: databasePassword)
        let signature = random.string(43, from: tokenPart)
        let jwt = "ey" + "JhbGciOiJIUzI1NiJ9." + "ey" + "JzdWIiOiJidWlsZGVyIn0." + signature
        add(.jsonWebToken, "Authorization: Bearer \(jwt)", value: signature)
        let accountKey = privateKey(label: "", lineBreak: "\\n", using: &random)
        let serviceAccount = """
            {
              "type": "service_\("account")",
              "project_id": "demo-project",
              "private_key_id": "\(random.string(40, from: "0123456789abcdef"))",
              "private_key": "\(accountKey.block)",
              "client_email": "builder@demo-project.iam.gserviceaccount.com"
            }
            """
        secrets.append(
            FakeSecret(kinds: [.googleServiceAccount, .privateKey], text: serviceAccount, values: accountKey.bodyLines))
        return secrets
    }

    /// A PEM private key block with a random body; `lineBreak` is `"\n"` or the JSON escape `"\\n"`.
    static func privateKey(label: String, lineBreak: String, using random: inout SplitMix64)
        -> (block: String, bodyLines: [String])
    {
        let name = (label.isEmpty ? "" : label + " ") + "PRIVATE" + " KEY"
        let body = (0..<4).map { _ in random.string(64, from: base64) }
        let block =
            "-----BEGIN \(name)-----" + lineBreak + body.joined(separator: lineBreak) + lineBreak
            + "-----END \(name)-----" + lineBreak
        return (block, body)
    }
}
