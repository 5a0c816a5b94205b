import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// `copy-source-ignored` and `copy-source-missing` on real trees, through the scan pipeline.
@Suite struct CopySourceCheckTests {
    static let ids: Set<CheckID> = [.copySourceIgnored, .copySourceMissing]

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let files: [String: String]
        /// `check-id@line` of every finding, in report order.
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "an excluded literal source, no exceptions",
            files: [
                "Dockerfile": "FROM node:22-slim\nWORKDIR /app\nCOPY package.json .npmrc ./\nCOPY src ./src\n",
                ".dockerignore": "node_modules\n.npmrc\n", "package.json": "{}", ".npmrc": "x", "src/index.js": "",
            ],
            expected: ["copy-source-ignored@3"]),
        Case(
            label: "an excluded directory with an unrelated exception elsewhere",
            files: [
                "Dockerfile": "FROM python:3.12-slim\nCOPY config /srv/config\nCOPY app.py /srv/\n",
                ".dockerignore": "config\n*.md\n!README.md\n", "config/settings.toml": "", "app.py": "",
                "README.md": "",
            ],
            expected: ["copy-source-ignored@2"]),
        Case(
            label: "an excluded directory whose exception re-includes a file below it",
            files: [
                "Dockerfile": "FROM python:3.12-slim\nCOPY config /srv/config\n",
                ".dockerignore": "config\n!config/settings.toml\n", "config/settings.toml": "", "config/local.toml": "",
            ],
            expected: []),
        Case(
            label: "an exception naming a file that does not exist leaves the directory excluded",
            files: [
                "Dockerfile": "FROM python:3.12-slim\nCOPY config /srv/config\n",
                ".dockerignore": "config\n!config/settings.toml\n", "config/local.toml": "",
            ],
            expected: ["copy-source-ignored@2"]),
        Case(
            label: "a missing source and a wildcard matching nothing",
            files: [
                "Dockerfile": "FROM python:3.12-slim\nCOPY requirements.txt ./\nCOPY *.pem /certs/\nCOPY app.py ./\n",
                "app.py": "",
            ],
            expected: ["copy-source-missing@2"]),
        Case(
            label: "a missing file below an existing directory, and a file used as a directory",
            files: [
                "Dockerfile": "FROM alpine:3.20\nCOPY src/main.go /src/\nCOPY app.py/x /x\n", "src/util.go": "",
                "app.py": "",
            ],
            expected: ["copy-source-missing@2", "copy-source-missing@3"]),
        Case(
            label: "a wildcard partly excluded",
            files: [
                "Dockerfile": "FROM alpine:3.20\nCOPY *.txt /d/\n", ".dockerignore": "secret.txt\n", "notes.txt": "",
                "secret.txt": "",
            ],
            expected: []),
        Case(
            label: "a wildcard whose every match is excluded, with and without exceptions",
            files: [
                "Dockerfile": "FROM alpine:3.20\nCOPY conf/*.yml /etc/\n", ".dockerignore": "conf/*.yml\n!conf/keep\n",
                "conf/a.yml": "", "conf/keep": "",
            ],
            expected: ["copy-source-ignored@2"]),
        Case(
            label: "a wildcard inside a directory the walk does not enter",
            files: [
                "Dockerfile": "FROM eclipse-temurin:21-jre\nCOPY build/libs/*.jar /app/\n", ".dockerignore": "build\n",
                "build/libs/app.jar": "",
            ],
            expected: ["copy-source-ignored@2"]),
        Case(
            label: "COPY --from a stage and an image, ADD of a URL and a git repository, a heredoc",
            files: [
                "Dockerfile": """
                FROM golang:1.22 AS build
                WORKDIR /src
                RUN --mount=type=bind,source=.,target=/src go build -o /out/app .
                FROM alpine:3.20
                COPY --from=build /out/app /usr/local/bin/
                COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
                ADD https://example.com/tool.tar.gz /tmp/
                ADD https://github.com/acme/tools.git#v1 /tools
                COPY <<EOF /etc/motd
                hello
                EOF

                """,
                ".dockerignore": "out\n", "main.go": "",
            ],
            expected: []),
        Case(
            label: "a bind-mount source excluded and one missing; cache and secret mounts read nothing",
            files: [
                "Dockerfile": """
                FROM golang:1.22
                WORKDIR /src
                RUN --mount=type=cache,target=/go/pkg/mod \\
                    --mount=type=secret,id=netrc,target=/root/.netrc \\
                    --mount=type=bind,source=go.sum,target=go.sum \\
                    --mount=type=bind,source=go.mod,target=go.mod \\
                    go mod download

                """,
                ".dockerignore": "*.sum\n", "go.sum": "",
            ],
            expected: ["copy-source-ignored@3", "copy-source-missing@3"]),
        Case(
            label: "only the target's stages count",
            files: [
                "Dockerfile": "FROM alpine:3.20 AS docs\nCOPY docs /docs\nFROM alpine:3.20\nCOPY app /app\n",
                ".dockerignore": "docs\n", "docs/index.md": "", "app/main.sh": "",
            ],
            expected: []),
        Case(
            label: "a source with a variable the Dockerfile does not set is not judged",
            files: [
                "Dockerfile": "FROM node:22-slim\nCOPY ${APP_DIR}/package.json ./\n"
            ],
            expected: []),
        Case(
            label: "COPY --parents and --exclude sources are judged by what they name",
            files: [
                "Dockerfile": """
                # syntax=docker/dockerfile:1.7-labs
                FROM node:22-slim
                COPY --parents packages/*/package.json /app/
                COPY --exclude=*.test.js lib /app/lib
                COPY --parents ./tools/./bin/run.sh /app/

                """,
                "packages/api/package.json": "", "lib/a.js": "",
            ],
            expected: ["copy-source-missing@5"]),
        Case(
            label: "ONBUILD COPY of a base stage runs in the target",
            files: [
                "Dockerfile": "FROM python:3.12 AS base\nONBUILD COPY requirements.txt ./\nFROM base\nRUN true\n"
            ],
            expected: ["copy-source-missing@2"]),
    ]

    @Test(arguments: cases)
    func findings(_ example: Case) throws {
        let findings = try LintContext(files: example.files).findings(Self.ids)
        #expect(findings.map { "\($0.check)@\($0.subject.line ?? 0)" } == example.expected, "\(findings)")
        #expect(findings.allSatisfy { $0.severity == .error && $0.subject.kind == .dockerfileLine })
    }

    @Test func ignoredSourceNamesTheIgnoreFileLine() throws {
        let context = try LintContext(files: [
            "Dockerfile": "FROM alpine:3.20\nCOPY config/app.yml /etc/app/\n", ".dockerignore": "# local\n\nconfig\n",
            "config/app.yml": "",
        ])
        let finding = try #require(try context.findings([.copySourceIgnored]).first)
        #expect(finding.subject == .dockerfileLine("Dockerfile", line: 2))
        #expect(finding.message.contains("`.dockerignore:3` (`config`)"), "\(finding.message)")
        #expect(finding.message.contains("not found"))
    }

    @Test func aSourceThroughASymbolicLinkIsNotJudged() throws {
        let context = try LintContext(files: [
            "Dockerfile": "FROM alpine:3.20\nCOPY current/app.yml /etc/\nCOPY outside/x /x\n", "v2/app.yml": "",
        ])
        try FileManager.default.createSymbolicLink(
            atPath: context.directory.path + "/current", withDestinationPath: "v2")
        try FileManager.default.createSymbolicLink(
            atPath: context.directory.path + "/outside", withDestinationPath: "/")
        #expect(try context.findings(Self.ids).isEmpty)
    }

    @Test func aSourceInsideAnUnreadableDirectoryIsNotCalledMissing() throws {
        guard getuid() != 0 else { return }
        let context = try LintContext(files: [
            "Dockerfile": "FROM alpine:3.20\nCOPY private/key.pem /k\n", "private/key.pem": "",
        ])
        let locked = context.directory.path + "/private"
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        #expect(try context.findings([.copySourceMissing]).isEmpty)
    }
}
