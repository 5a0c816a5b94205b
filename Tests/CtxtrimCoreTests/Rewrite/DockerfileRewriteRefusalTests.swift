import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// What `fix --dockerfile` cannot decide safely it names and leaves alone: each case a small project, the kind of
/// refusal, and a word the reason must contain.
@Suite struct DockerfileRewriteRefusalTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// A fixture under `Fixtures/rewrite`, or nil for `files` alone.
        var fixture: String?
        var files: [String: String] = [:]
        var kind: RewriteRefusal.Kind
        var reason: String
        var description: String { name }
    }

    static let goModule = [
        "go.mod": "module example.com/x\n\ngo 1.23\n", "main.go": "package main\n\nfunc main() {}\n",
    ]

    static let cases: [Case] = [
        Case(name: "cgo", fixture: "go-cgo", kind: .nativeDependencies, reason: "imports \"C\""),
        Case(name: "two Go binaries", fixture: "go-two-binaries", kind: .artifact, reason: "several artifacts"),
        Case(
            name: "already multi-stage",
            files: goModule.merging([
                "Dockerfile":
                    "FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n"
            ]) { $1 }, kind: .alreadyMultiStage, reason: "2 stages"),
        Case(
            name: "go build without -o",
            files: goModule.merging([
                "Dockerfile": "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build .\nCMD [\"/src/x\"]\n"
            ]) { $1 },
            kind: .artifact, reason: "-o FILE"),
        Case(
            name: "CGO_ENABLED=1",
            files: goModule.merging([
                "Dockerfile":
                    "FROM golang:1.23\nENV CGO_ENABLED=1\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"
            ]) { $1 }, kind: .nativeDependencies, reason: "CGO_ENABLED=1"),
        Case(
            name: "an entrypoint that is not the binary",
            files: goModule.merging([
                "Dockerfile":
                    "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"go\", \"run\", \".\"]\n"
            ]) { $1 }, kind: .entrypoint, reason: "unusual entrypoint"),
        Case(
            name: "a shell-form entrypoint with a variable",
            files: goModule.merging([
                "Dockerfile":
                    "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD /app --port $PORT\n"
            ]) { $1 }, kind: .entrypoint, reason: "exec form"),
        Case(
            name: "a RUN it cannot place",
            files: goModule.merging([
                "Dockerfile":
                    "FROM golang:1.23\nRUN apt-get update && apt-get install -y libvips-dev\nWORKDIR /src\nCOPY . .\n"
                    + "RUN go build -o /app .\nCMD [\"/app\"]\n"
            ]) { $1 }, kind: .unplaceable, reason: "apt-get"),
        Case(
            name: "runtime templates read from disk",
            files: goModule.merging([
                "templates/index.html": "<h1>hi</h1>\n",
                "Dockerfile": "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
            ]) { $1 }, kind: .artifact, reason: "`templates/`"),
        Case(
            name: "no entrypoint",
            files: goModule.merging(["Dockerfile": "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n"]
            ) { $1 },
            kind: .entrypoint, reason: "no ENTRYPOINT or CMD"),
        Case(
            name: "a Rust crate with two binaries",
            files: [
                "Cargo.toml": "[package]\nname = \"tools\"\nversion = \"0.1.0\"\n",
                "src/main.rs": "fn main() {}\n", "src/bin/migrate.rs": "fn main() {}\n",
                "Dockerfile":
                    "FROM rust:1.83\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nCMD [\"./target/release/tools\"]\n",
            ], kind: .artifact, reason: "2 binaries"),
        Case(
            name: "a Rust crate linking OpenSSL",
            files: [
                "Cargo.toml": "[package]\nname = \"fetcher\"\nversion = \"0.1.0\"\n",
                "Cargo.lock": "version = 3\n\n[[package]]\nname = \"openssl-sys\"\nversion = \"0.9.104\"\n",
                "src/main.rs": "fn main() {}\n",
                "Dockerfile":
                    "FROM rust:1.83\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\nCMD [\"./target/release/fetcher\"]\n",
            ], kind: .nativeDependencies, reason: "openssl-sys"),
        Case(
            name: "a plain Maven jar",
            files: [
                "pom.xml": "<project><artifactId>lib</artifactId><version>1.0</version></project>\n",
                "Dockerfile":
                    "FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD [\"java\", \"-jar\", \"target/lib-1.0.jar\"]\n",
            ], kind: .artifact, reason: "plain jar"),
        Case(
            name: "a Corretto JDK",
            files: [
                "pom.xml":
                    "<project><parent><artifactId>spring-boot-starter-parent</artifactId><version>3.4.0</version></parent><artifactId>app</artifactId><version>1.0</version></project>\n",
                "Dockerfile":
                    "FROM maven:3.9-amazoncorretto-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD [\"java\", \"-jar\", \"target/app-1.0.jar\"]\n",
            ], kind: .runtimeImage, reason: "amazoncorretto"),
        Case(
            name: "a native Node addon",
            files: [
                "package.json": "{\"name\": \"x\"}\n",
                "package-lock.json": "{\"packages\": {\"node_modules/bcrypt\": {\"hasInstallScript\": true}}}\n",
                "server.js": "\n",
                "Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n",
            ], kind: .nativeDependencies, reason: "node-gyp"),
        Case(
            name: "npm start running a dev dependency",
            files: [
                "package.json":
                    "{\"scripts\": {\"start\": \"nodemon server.js\"}, \"devDependencies\": {\"nodemon\": \"^3\"}}\n",
                "package-lock.json": "{\"packages\": {}}\n", "server.js": "\n",
                "Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"npm\", \"start\"]\n",
            ], kind: .entrypoint, reason: "`nodemon`, a dev dependency"),
        Case(
            name: "a yarn project",
            files: [
                "package.json": "{\"name\": \"x\"}\n", "yarn.lock": "\n", "server.js": "\n",
                "Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install\nCMD [\"node\", \"server.js\"]\n",
            ], kind: .unrecognised, reason: "yarn.lock"),
        Case(
            name: "psycopg2 from source",
            files: [
                "requirements.txt": "flask==3.0.0\npsycopg2==2.9.9\n", "app.py": "\n",
                "Dockerfile":
                    "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n",
            ], kind: .nativeDependencies, reason: "psycopg2"),
        Case(
            name: "an image ctxtrim does not know",
            files: ["Dockerfile": "FROM alpine:3.20\nCOPY . /srv\nCMD [\"/srv/run\"]\n", "run": "\n"],
            kind: .unrecognised, reason: "alpine:3.20"),
    ]

    @Test(arguments: cases)
    func leftAloneWithTheReason(_ test: Case) throws {
        let tree = try TemporaryTree("rewrite-refusal")
        if let fixture = test.fixture { try tree.copyFixture("rewrite/\(fixture)") }
        for (path, contents) in test.files { _ = try tree.write(path, contents) }
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        let outcome = try DockerfileRewriter(context: context).run()
        guard case .refused(let refusal) = outcome else {
            Issue.record("\(test.name) was rewritten: \(outcome)")
            return
        }
        #expect(refusal.kind == test.kind, "\(refusal.reason)")
        #expect(refusal.reason.contains(test.reason), "\(refusal.reason)")
    }

    /// The verifier rejects what ctxtrim's checks reject: a source the context does not have, a single stage.
    @Test func verifierRejectsAProposalThatFailsTheChecks() throws {
        let tree = try TemporaryTree("rewrite-verifier")
        _ = try tree.write("Dockerfile", "FROM golang:1.23\n")
        _ = try tree.write("go.mod", "module x\n")
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        let verifier = RewriteVerifier(context: context, threads: 1)
        let missing = "FROM golang:1.23 AS build\nCOPY go.sum ./\nFROM scratch\nCOPY --from=build /app /app\n"
        #expect(throws: RewriteStop.self) { try verifier.verify(missing) }
        do {
            _ = try verifier.verify(missing)
        } catch let stop as RewriteStop {
            #expect(stop.refusal.reason.contains("copy-source-missing"))
        }
        #expect(throws: RewriteStop.self) { try verifier.verify("FROM golang:1.23\nCOPY . .\n") }
        let copyAll =
            "FROM golang:1.23 AS build\nCOPY . .\nRUN go mod download\nFROM scratch\nCOPY --from=build /app /app\n"
        do {
            _ = try verifier.verify(copyAll)
            Issue.record("copy-all-before-install was not caught")
        } catch let stop as RewriteStop {
            #expect(stop.refusal.reason.contains("copy-all-before-install"))
        }
    }
}
