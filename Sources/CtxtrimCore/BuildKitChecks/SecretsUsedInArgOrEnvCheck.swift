import DockerfileReader
import UntrustedText

/// `secrets-used-in-arg-or-env` (BuildKit `SecretsUsedInArgOrEnv`): an `ARG` or `ENV` whose name says it holds
/// a secret.
package struct SecretsUsedInArgOrEnvCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "SecretsUsedInArgOrEnv"

    /// BuildKit's `secretTokens`: a name reports when one of them is a whole `_`-separated word of it.
    static let secretWords: Set<String> = [
        "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token",
    ]
    /// BuildKit's `allowTokens`: a name with one of these words is never reported.
    static let allowedWords: Set<String> = ["public", "file", "version"]

    package static let descriptor = CheckDescriptor(
        id: .secretsUsedInArgOrEnv, title: "Secret in ARG or ENV",
        summary: "An `ARG` or `ENV` of a stage has a name that says it holds a secret (`API_KEY`, `DB_PASSWORD`).",
        defaultSeverity: .warning,
        help: help(
            """
            Build arguments and environment variables stay in the image's metadata and history: anyone who can \
            pull the image reads them. Pass secrets with `RUN --mount=type=secret,id=...` (and `docker build \
            --secret`) instead. As BuildKit does, a name reports when its first or last `_`-separated word, or a \
            word between underscores, is one of apikey, auth, credential(s), key, password, pword, passwd, \
            secret or token (in any case), unless a word is public, file or version; the `ARG`s before the first \
            `FROM` are not checked.
            """, id: .secretsUsedInArgOrEnv),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`ARG SECRET_PASSPHRASE`", triggers: true, "FROM scratch\nARG SECRET_PASSPHRASE\n"),
            .dockerfile(
                "`ENV github_token`", triggers: true, "FROM scratch\nENV github_token=placeholder\n"),
            .dockerfile("`ARG SUPER_Secret`", triggers: true, "FROM scratch\nARG SUPER_Secret=x\n"),
            .dockerfile(
                "`ENV PASSWORD_FILE`", triggers: false, "FROM scratch\nENV PASSWORD_FILE=/run/secrets/db\n"),
            .dockerfile("`ARG PUBLIC_KEY`", triggers: false, "FROM scratch\nARG PUBLIC_KEY\n"),
            .dockerfile("`ENV MONKEY`", triggers: false, "FROM scratch\nENV MONKEY=1 KEYBOARD=2\n"),
        ])

    /// BuildKit's `validateNoSecretKey` test on a name.
    static func namesSecret(_ name: String) -> Bool {
        let words = name.lowercased().split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        return words.contains(where: secretWords.contains) && !words.contains(where: allowedWords.contains)
    }

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        dockerfile.stages.flatMap(\.instructions).flatMap { instruction -> [BuildKitViolation] in
            let definitions: [VariableDefinition]
            switch instruction.detail {
            case .arg(let list), .env(let list): definitions = list
            default: return []
            }
            return definitions.filter { Self.namesSecret($0.name) }.map {
                BuildKitViolation(
                    instruction,
                    """
                    Do not use ARG or ENV instructions for sensitive data (\(instruction.keyword) \
                    \(Excerpt.quote($0.name))).
                    """)
            }
        }
    }
}
