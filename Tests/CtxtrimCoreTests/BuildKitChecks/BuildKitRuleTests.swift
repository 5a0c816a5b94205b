import DockerfileReader
import Testing

@testable import CtxtrimCore

/// The conditions of single BuildKit rules beyond their catalogue examples: the tables BuildKit's own code uses.
@Suite struct BuildKitRuleTests {
    static func messages(_ check: some BuildKitCheck, _ text: String) throws -> [String] {
        check.violations(in: try Dockerfile.parse(text)).map { "\($0.line): \($0.message)" }
    }

    @Test(arguments: [
        ("API_KEY", true), ("DATABASE_PASSWORD", true), ("GITHUB_TOKEN", true), ("secret_MESSAGE", true),
        ("AUTH", true), ("aws_credentials", true), ("PWORD", true), ("KEYBOARD", false), ("MONKEY", false),
        ("PUBLIC_KEY", false), ("KEY_FILE", false), ("TOKEN_VERSION", false), ("PASSWORDS", false),
        ("MY__SECRET", true), ("APIKEY", true),
    ])
    func secretNames(_ name: String, _ secret: Bool) {
        #expect(SecretsUsedInArgOrEnvCheck.namesSecret(name) == secret)
    }

    @Test(arguments: [
        ("busybox", true), ("busybox:latest", true), ("docker.io/library/node:22", true),
        ("localhost:5000/app:1.2", true), ("MyRegistry/app", true), ("ghcr.io/Acme/app", false),
        ("busybox:", false), ("", false), ("Busybox", false),
        ("node@sha256:\(String(repeating: "a", count: 64))", true),
        ("node@sha256:abc", false), (String(repeating: "a", count: 64), false), ("a//b", false),
        ("app:tag with space", false), ("[::1]:5000/app", true), ("my-app__x.y", true), ("app-", false),
    ])
    func imageReferences(_ text: String, _ valid: Bool) {
        #expect(ImageReferenceSyntax.isValid(text) == valid)
    }

    @Test(arguments: [
        ("linux/amd64", "linux", "amd64"), ("linux/arm64/v8", "linux", "arm64"), ("Linux/x86_64", "linux", "amd64"),
        ("windows(10.0.17763)/amd64", "windows", "amd64"), ("arm64", "linux", "arm64"), ("linux", "linux", "amd64"),
        ("darwin/aarch64", "darwin", "arm64"),
    ])
    func platforms(_ text: String, _ os: String, _ architecture: String) {
        let platform = PlatformSpecifier(text)
        #expect(platform?.os == os && platform?.architecture == architecture)
    }

    @Test(arguments: ["", "linux/", "linux/amd64/v8/x", "plan10", "linux/*", "linux amd64"])
    func platformsBuildKitRefuses(_ text: String) {
        #expect(PlatformSpecifier(text) == nil)
    }

    @Test func undefinedVarSuggestsTheNearestName() throws {
        #expect(
            try Self.messages(UndefinedVarCheck(), "FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n") == [
                "2: Usage of undefined variable \"$PAHT\" (did you mean $PATH?)."
            ])
        #expect(
            try Self.messages(
                UndefinedVarCheck(), "FROM scratch\nARG foo=$bar\nENV a=1 b=$a\nCOPY --chown=$user x /\n") == [
                    "2: Usage of undefined variable \"$bar\".", "3: Usage of undefined variable \"$a\".",
                    "4: Usage of undefined variable \"$user\".",
                ])
    }

    @Test func undefinedVarSeesTheAutomaticArgumentsOnlyWhenDeclared() throws {
        #expect(try Self.messages(UndefinedVarCheck(), "FROM scratch\nARG TARGETARCH\nCOPY bin/$TARGETARCH /\n") == [])
        #expect(
            try Self.messages(UndefinedVarCheck(), "FROM scratch\nCOPY bin/$TARGETARCH /\n") == [
                "2: Usage of undefined variable \"$TARGETARCH\"."
            ])
    }

    @Test func undefinedArgInFromSuggestsADeclaredName() throws {
        #expect(
            try Self.messages(
                UndefinedArgInFromCheck(),
                "ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n")
                == ["3: FROM argument \"MYARCH\" is not declared (did you mean MY_ARCH?)."])
    }

    @Test func multipleInstructionsNameTheIgnoredOne() throws {
        #expect(
            try Self.messages(
                MultipleInstructionsDisallowedCheck(),
                "FROM scratch\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\nHEALTHCHECK CMD c\n") == [
                    "2: Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used.",
                    "3: Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used.",
                ])
    }

    @Test func exposeWordsSplitAsBuildKitDoes() throws {
        let text = "FROM scratch\nEXPOSE 80/TCP 127.0.0.1:8080:80 [::1]:53:53/udp 90/quic ${PORT}/TCP\n"
        #expect(
            try Self.messages(ExposeProtoCasingCheck(), text) == [
                "2: Defined protocol \"80/TCP\" in EXPOSE instruction should be lowercase."
            ])
        #expect(try Self.messages(ExposeInvalidFormatCheck(), text).count == 2)
    }

    /// A name from the Dockerfile reaches a message only quoted and escaped.
    @Test func messagesEscapeWhatTheDockerfileWrote() throws {
        let messages = try Self.messages(SecretsUsedInArgOrEnvCheck(), "FROM scratch\nARG \u{1B}[2J_TOKEN\n")
        #expect(messages.count == 1)
        #expect(messages.allSatisfy { !$0.unicodeScalars.contains("\u{1B}") })
    }

    @Test func consistentCasingNeedsAStrictLowerMajority() throws {
        // Two lower, two upper: upper wins the tie, as BuildKit's `lowerCount > upperCount` decides.
        let text = "from alpine:3.20\nrun a\nCOPY a b\nRUN b\n"
        #expect(try Self.messages(ConsistentInstructionCasingCheck(), text).map { $0.prefix(2) } == ["1:", "2:"])
    }
}
