/// A kind of secret the content scanner recognizes: a literal anchor, then a shape check on the bytes around it.
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
        }
    }

    /// The literal byte strings that start a candidate; the scanner dispatches on their first byte.
    var anchors: [String] {
        switch self {
        case .privateKey: ["-----BEGIN "]
        case .awsAccessKeyID: ["AKIA", "ASIA", "ABIA", "ACCA"]
        case .awsSecretAccessKey: ["aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"]
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
        }
    }

    /// At most four characters of the anchor, enough to recognize the kind, never the secret itself.
    func redactedHint(anchor: String) -> String {
        switch self {
        case .privateKey, .googleServiceAccount, .slackWebhook: ""
        case .npmRegistryCredential: "\(anchor)=****"
        default: "\(anchor.prefix(4))****…"
        }
    }
}
