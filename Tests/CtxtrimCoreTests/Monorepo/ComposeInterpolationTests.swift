import TestSupport
import Testing

@testable import CtxtrimCore

/// Compose interpolation as the Compose Specification defines it, over the project's `.env` only.
@Suite struct ComposeInterpolationTests {
    let interpolation = ComposeInterpolation(values: ["AD": "./src/ad/Dockerfile", "EMPTY": "", "STAGE": "prod"])

    @Test(arguments: [
        ("${AD}", "./src/ad/Dockerfile"),
        ("$AD", "./src/ad/Dockerfile"),
        ("${MISSING:-src/x/Dockerfile}", "src/x/Dockerfile"),
        ("${EMPTY:-fallback}", "fallback"),
        ("${EMPTY-fallback}", ""),
        ("${MISSING-fallback}", "fallback"),
        ("${STAGE:+release}", "release"),
        ("${EMPTY:+release}", ""),
        ("${EMPTY+release}", "release"),
        ("${MISSING:-${STAGE}-tools}", "prod-tools"),
        ("$$HOME/${STAGE}", "$HOME/prod"),
        ("cost: 5$", "cost: 5$"),
    ])
    func referencesAreReplaced(_ text: String, _ expected: String) throws {
        #expect(try interpolation.interpolate(text).text == expected)
    }

    @Test func aVariableWithNoValueIsEmptyAndListed() throws {
        let result = try interpolation.interpolate("${CI_TOKEN}/Dockerfile")
        #expect(result == .init(text: "/Dockerfile", unset: ["CI_TOKEN"]))
    }

    @Test(arguments: ["${AD", "${:-x}", "${AD:x}", "${MISSING:?set MISSING first}", "${EMPTY:?}"])
    func malformedOrRequiredReferencesFail(_ text: String) {
        #expect(throws: ComposeInterpolation.Failure.self) { try interpolation.interpolate(text) }
    }

    @Test func theDotEnvFileIsReadAsComposeReadsIt() throws {
        let values = try DotEnvFile.parse(
            """
            # services
            AD_DOCKERFILE=./src/ad/Dockerfile
            export CART_DOCKERFILE = ./src/cart/src/Dockerfile
            QUOTED="with \\"quotes\\" and # hash"
            LITERAL='${NOT_EXPANDED}'
            COMMENTED=value # a comment

            """)
        #expect(values["AD_DOCKERFILE"] == "./src/ad/Dockerfile")
        #expect(values["CART_DOCKERFILE"] == "./src/cart/src/Dockerfile")
        #expect(values["QUOTED"] == "with \"quotes\" and # hash")
        #expect(values["LITERAL"] == "${NOT_EXPANDED}")
        #expect(values["COMMENTED"] == "value")
        #expect(throws: ComposeInterpolation.Failure.self) { try DotEnvFile.parse("just words\n") }
    }

    /// Seen on opentelemetry-demo: `dockerfile: ${AD_DOCKERFILE}` was taken literally, so each service's Dockerfile
    /// was also found alone and built from its own directory, where every COPY source is missing.
    @Test func discoveryFillsTheBuildFieldsFromTheProjectsDotEnv() throws {
        let tree = try TemporaryTree("compose-env")
        try tree.write(".env", "AD_DOCKERFILE=./src/ad/Dockerfile\nAD_TARGET=runtime\n")
        try tree.write(
            "compose.yaml",
            """
            services:
              ad:
                build:
                  context: ./
                  dockerfile: ${AD_DOCKERFILE}
                  target: ${AD_TARGET:-build}
              cart:
                build:
                  context: ${CART_CONTEXT:-./src/cart}

            """)
        try tree.write("src/ad/Dockerfile", "FROM gradle:8 AS build\nCOPY src/ad /src\nFROM build AS runtime\n")
        try tree.write("src/cart/Dockerfile", "FROM alpine:3.20\n")
        let builds = try BuildDiscovery.discover(root: tree.path, threads: 2)
        #expect(builds.map(\.name) == ["ad", "cart"])
        let ad = try #require(builds.first { $0.name == "ad" })
        #expect(ad.context == "." && ad.dockerfile == "src/ad/Dockerfile" && ad.target == "runtime")
        #expect(builds.first { $0.name == "cart" }?.context == "src/cart")
    }

    @Test func aRequiredVariableWithoutValueNamesTheComposeFileAndLine() throws {
        let tree = try TemporaryTree("compose-env")
        try tree.write("compose.yaml", "services:\n  ad:\n    build:\n      dockerfile: ${AD:?set AD in .env}\n")
        #expect {
            try BuildDiscovery.discover(root: tree.path, threads: 2)
        } throws: { error in
            let message = "\(error)"
            return message.contains("compose.yaml:4") && message.contains("required variable AD has no value")
        }
    }
}

/// A Dockerfile no compose file names is built from the directory its COPY sources are found from.
@Suite struct StandaloneContextTests {
    @Test func aDockerfileWhoseSourcesAreFoundFromTheRootIsBuiltFromTheRoot() throws {
        let tree = try TemporaryTree("standalone")
        try tree.write("src/api/Dockerfile", "FROM golang:1.23\nCOPY go.mod go.sum ./\nCOPY src/api ./src/api\n")
        try tree.write("src/api/main.go", "package main\n")
        try tree.write("go.mod", "module x\n")
        try tree.write("go.sum", "")
        try tree.write("tools/Dockerfile", "FROM alpine:3.20\nCOPY run.sh /run.sh\n")
        try tree.write("tools/run.sh", "#!/bin/sh\n")
        try tree.write("web/Dockerfile", "FROM node:22\nCOPY . .\n")
        try tree.write("broken/Dockerfile", "FROM alpine:3.20\nCOPY nowhere /x\n")
        let builds = try BuildDiscovery.discover(root: tree.path, threads: 2)
        let contexts = Dictionary(uniqueKeysWithValues: builds.map { ($0.dockerfile, $0) })
        #expect(contexts["src/api/Dockerfile"]?.context == ".")
        #expect(contexts["src/api/Dockerfile"]?.contextReason?.contains("found from the repository root") == true)
        #expect(contexts["tools/Dockerfile"]?.context == "tools")
        #expect(contexts["tools/Dockerfile"]?.contextReason == nil)
        // Copying everything, or a source found nowhere, keeps the Dockerfile's own directory.
        #expect(contexts["web/Dockerfile"]?.context == "web")
        #expect(contexts["broken/Dockerfile"]?.context == "broken")
    }
}
