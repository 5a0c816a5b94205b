/// A kind of secret the content scanner recognizes: a literal anchor, then a shape check on the bytes around it.
///
/// The formats follow the public rule catalogues of gitleaks (`cmd/generate/config/rules`) and trufflehog
/// (`pkg/detectors`): prefixes, lengths, alphabets, keyword contexts and entropy floors, written as byte checks.
package enum SecretKind: String, Sendable, CaseIterable {
    case privateKey
    case awsAccessKeyID
    case awsSecretAccessKey
    case gitHubToken
    case gitHubFineGrainedToken
    case gitLabToken
    case slackToken
    case slackWebhook
    case npmToken
    case npmRegistryCredential
    case pyPIToken
    case googleServiceAccount
    case stripeLiveKey
    case openAIKey
    case anthropicKey
    case googleAPIKey
    case twilioAPIKey
    case twilioAccountCredentials
    case sendGridKey
    case azureStorageKey
    case urlCredential
    case kubeconfigCredential
    case dockerAuth
    case netrcPassword
    case configPassword
    case vaultToken
    case digitalOceanToken
    case shopifyToken
    case herokuAPIKey
    case jsonWebToken
    case jsonPrivateKey

    /// How a finding names the secret.
    package var title: String {
        switch self {
        case .privateKey: "A private key block"
        case .awsAccessKeyID: "An AWS access key id"
        case .awsSecretAccessKey: "An AWS secret access key"
        case .gitHubToken: "A GitHub token"
        case .gitHubFineGrainedToken: "A GitHub fine-grained token"
        case .gitLabToken: "A GitLab personal access token"
        case .slackToken: "A Slack token"
        case .slackWebhook: "A Slack webhook URL"
        case .npmToken: "An npm access token"
        case .npmRegistryCredential: "An npm registry credential (`_authToken`, `_auth` or `_password`)"
        case .pyPIToken: "A PyPI API token"
        case .googleServiceAccount: "A Google service-account key"
        case .stripeLiveKey: "A Stripe live secret key"
        case .openAIKey: "An OpenAI API key"
        case .anthropicKey: "An Anthropic API key"
        case .googleAPIKey: "A Google API key"
        case .twilioAPIKey: "A Twilio API key"
        case .twilioAccountCredentials: "A Twilio account SID with its auth token"
        case .sendGridKey: "A SendGrid API key"
        case .azureStorageKey: "An Azure storage account key"
        case .urlCredential: "A password in a URL (`scheme://user:password@host`)"
        case .kubeconfigCredential: "A kubeconfig credential (`client-key-data` or `token`)"
        case .dockerAuth: "A Docker registry login (`auths` ... `\"auth\"`)"
        case .netrcPassword: "A netrc password (`machine ... password ...`)"
        case .configPassword: "A password in a credentials file"
        case .vaultToken: "A HashiCorp Vault token"
        case .digitalOceanToken: "A DigitalOcean token"
        case .shopifyToken: "A Shopify access token"
        case .herokuAPIKey: "A Heroku API key"
        case .jsonWebToken: "A JSON Web Token"
        case .jsonPrivateKey: "A JSON `private_key` value"
        }
    }

    /// The literal byte strings that start a candidate; the scanner dispatches on their first byte and tries the
    /// longer anchors of a byte first (`sk-ant-` before `sk-`).
    var anchors: [String] {
        switch self {
        case .privateKey: ["-----BEGIN "]
        case .awsAccessKeyID: ["AKIA", "ASIA", "ABIA", "ACCA"]
        case .awsSecretAccessKey:
            ["aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "secretAccessKey", "SecretAccessKey"]
        case .gitHubToken: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]
        case .gitHubFineGrainedToken: ["github_pat_"]
        case .gitLabToken: ["glpat-"]
        case .slackToken: ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"]
        case .slackWebhook: ["hooks.slack.com/services/"]
        case .npmToken: ["npm_"]
        case .npmRegistryCredential: ["_authToken", "_auth", "_password"]
        case .pyPIToken: ["pypi-AgEIcHlwaS5vcmc"]
        case .googleServiceAccount: ["\"service_account\""]
        case .stripeLiveKey: ["sk_live_", "rk_live_"]
        case .openAIKey: ["sk-"]
        case .anthropicKey: ["sk-ant-"]
        case .googleAPIKey: ["AIza"]
        case .twilioAPIKey: ["SK"]
        case .twilioAccountCredentials: ["AC"]
        case .sendGridKey: ["SG."]
        case .azureStorageKey: ["AccountKey="]
        case .urlCredential: ["://"]
        case .kubeconfigCredential: ["client-key-data", "token:"]
        case .dockerAuth: ["\"auth\""]
        case .netrcPassword: ["machine "]
        case .configPassword: []
        case .vaultToken: ["hvs.", "hvb."]
        case .digitalOceanToken: ["dop_v1_", "doo_v1_", "dor_v1_"]
        case .shopifyToken: ["shpat_", "shpca_", "shppa_", "shpss_"]
        case .herokuAPIKey: ["HRKU-", "heroku", "HEROKU", "Heroku"]
        case .jsonWebToken: ["eyJ"]
        case .jsonPrivateKey: ["\"private_key\""]
        }
    }

    /// At most four characters of the anchor, enough to recognize the kind, never the secret itself.
    func redactedHint(anchor: String) -> String {
        switch self {
        case .privateKey, .googleServiceAccount, .slackWebhook, .urlCredential, .kubeconfigCredential, .dockerAuth,
            .netrcPassword, .configPassword, .twilioAccountCredentials, .jsonPrivateKey:
            ""
        case .herokuAPIKey: anchor == "HRKU-" ? "HRKU****…" : ""
        case .npmRegistryCredential: "\(anchor)=****"
        default: "\(anchor.prefix(4))****…"
        }
    }
}
