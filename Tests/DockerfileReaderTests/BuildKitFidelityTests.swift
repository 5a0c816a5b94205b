import Testing

@testable import DockerfileReader

/// Dockerfiles BuildKit accepts are accepted, the ones it refuses are refused at the line it names; the shapes are
/// those real projects use (cross builds, bind-mounted sources, cache mounts, heredocs, ONBUILD bases).
@Suite struct BuildKitFidelityTests {
    struct Accepted: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        /// The context sources the default target reads, as `pattern@line`.
        let sources: [String]
        var testDescription: String { label }
    }

    static let accepted: [Accepted] = [
        Accepted(
            label: "Go cross build: BUILDPLATFORM, TARGETOS/TARGETARCH, bind mount without target under WORKDIR",
            text: """
                # syntax=docker/dockerfile:1
                ARG GO_VERSION=1.22
                FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
                WORKDIR /src
                ARG TARGETOS TARGETARCH
                RUN --mount=type=cache,target=/go/pkg/mod \\
                    --mount=type=bind,source=go.sum,target=go.sum \\
                    --mount=type=bind,source=go.mod,target=go.mod \\
                    go mod download -x
                RUN --mount=type=cache,target=/go/pkg/mod \\
                    --mount=type=cache,target=/root/.cache/go-build \\
                    --mount=type=bind,source=. \\
                    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/server ./cmd/server
                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=build /out/server /server
                ENTRYPOINT ["/server"]

                """,
            sources: ["go.sum@6", "go.mod@6", ".@10"]),
        Accepted(
            label: "relative WORKDIR below an absolute one, mount target relative to it",
            text: "FROM alpine:3.20\nWORKDIR /app\nWORKDIR web\nRUN --mount=type=bind,source=web,target=. ls\n",
            sources: ["web@4"]),
        Accepted(
            label: "missing target under an image's own working directory (unknown here, as BuildKit reads it later)",
            text: "FROM golang:1.22\nRUN --mount=type=bind,source=. go build ./...\n",
            sources: [".@2"]),
        Accepted(
            label: "tmpfs, secret and ssh mounts with their defaults",
            text: """
                FROM node:22-slim
                WORKDIR /app
                RUN --mount=type=tmpfs,target=/tmp,size=64m \\
                    --mount=type=secret,id=npmrc,target=/root/.npmrc,required \\
                    --mount=type=ssh,required=true \\
                    --mount=type=cache,target=/root/.npm,sharing=locked,id=npm,mode=0755,uid=1000 \\
                    --mount=type=bind,source=package.json,target=package.json,ro \\
                    npm ci

                """,
            sources: ["package.json@3"]),
        Accepted(
            label: "COPY --from of a stage by name and index, of an image, and --link --chmod --chown",
            text: """
                FROM node:22 AS deps
                COPY package.json package-lock.json ./
                FROM node:22-slim
                COPY --from=deps /node_modules /app/node_modules
                COPY --from=0 /package.json /app/
                COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
                COPY --link --chmod=0755 --chown=node:node bin/start.sh /usr/local/bin/
                COPY --chmod=u+x,g-w bin/stop.sh /usr/local/bin/

                """,
            sources: ["package.json@2", "package-lock.json@2", "bin/start.sh@7", "bin/stop.sh@8"]),
        Accepted(
            label: "COPY --parents with a pivot and --exclude",
            text: """
                # syntax=docker/dockerfile:1.7-labs
                FROM alpine:3.20
                COPY --parents ./packages/./*/package.json /app/
                COPY --exclude=**/*.test.ts --exclude=*.md src /app/src

                """,
            sources: ["packages/*/package.json@3", "src@4"]),
        Accepted(
            label: "ADD of a URL with --checksum, of a git repository with --keep-git-dir, of a local archive",
            text: """
                FROM alpine:3.20
                ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\
                    https://example.com/tool.tar.gz /tmp/
                ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14.0 /buildkit
                ADD git@github.com:acme/private.git /private
                ADD --unpack=false vendor.tar.gz /vendor/

                """,
            sources: ["vendor.tar.gz@6"]),
        Accepted(
            label: "heredoc RUN and COPY, a quoted delimiter, <<- with tabs",
            text: """
                FROM python:3.12-slim
                RUN <<EOF
                set -eu
                pip install --no-cache-dir uv
                EOF
                COPY <<'EOF' /etc/app.conf
                port = ${PORT}
                EOF
                RUN <<-SCRIPT bash
                \techo indented
                \tSCRIPT
                COPY pyproject.toml ./

                """,
            sources: ["pyproject.toml@12"]),
        Accepted(
            label: "escape directive with backtick continuations (Windows shape)",
            text: """
                # escape=`
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                COPY app `
                    C:/app
                WORKDIR C:/app

                """,
            sources: ["app@3"]),
        Accepted(
            label: "check directive and an unknown directive ending the block",
            text: "# check=skip=JSONArgsRecommended;error=true\n# frobnicate=1\nFROM alpine:3.20\nCOPY a /a\n",
            sources: ["a@4"]),
        Accepted(
            label: "global ARG used in FROM, redeclared in the stage to be visible, stage ARG default",
            text: """
                ARG APP=api
                ARG BASE=alpine:3.20
                FROM ${BASE}
                ARG APP
                ARG DIR=services/${APP}
                COPY ${DIR}/main.py /srv/
                COPY ${UNDECLARED_BY_STAGE}x /srv/

                """,
            sources: ["services/api/main.py@6", "x@7"]),
        Accepted(
            label: "ONBUILD COPY in a base stage runs in the stage built FROM it",
            text: """
                FROM python:3.12 AS base
                WORKDIR /app
                ONBUILD COPY requirements.txt ./
                ONBUILD RUN --mount=type=bind,source=constraints.txt pip install -r requirements.txt
                FROM base
                COPY app ./app

                """,
            sources: ["requirements.txt@3", "constraints.txt@4", "app@6"]),
        Accepted(
            label: "a broken ONBUILD trigger no stage builds on is not read",
            text: "FROM alpine:3.20 AS base\nONBUILD COPY --bogus a b\nFROM alpine:3.20\nCOPY c /c\n",
            sources: ["c@4"]),
        Accepted(
            label: "a mount on / in a stage the target does not need",
            text: "FROM alpine AS unused\nWORKDIR /\nRUN --mount=type=bind,source=x true\nFROM alpine\nCOPY y /y\n",
            sources: ["y@5"]),
    ]

    @Test(arguments: accepted)
    func acceptedAsBuildKitDoes(_ example: Accepted) throws {
        let usage = try parseFile(example.text).contextUsage()
        #expect(patterns(usage, withLines: true) == example.sources)
    }

    struct Rejected: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        let code: DockerfileError.Code
        let line: Int?
        var testDescription: String { label }
    }

    static let rejected: [Rejected] = [
        // Moved from InstructionReaderTests: the target is resolved with the working directory, after parsing.
        Rejected(
            label: "mount on the root", text: "FROM a\nRUN --mount=type=bind,source=x,target=/ make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "cache mount on the root, spelled //.", text: "FROM a\nRUN --mount=type=cache,target=//. make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "bind mount without target under WORKDIR /",
            text: "FROM alpine:3.20\nWORKDIR /\nRUN --mount=type=bind,source=. make\n", code: .invalidMount, line: 3),
        Rejected(
            label: "cache mount without target on scratch",
            text: "FROM scratch\nRUN --mount=type=cache,id=x true\n", code: .invalidMount, line: 2),
        Rejected(
            label: "relative WORKDIR climbing back to /",
            text: "FROM alpine\nWORKDIR /app\nWORKDIR ..\nRUN --mount=type=bind,source=src make\n",
            code: .invalidMount, line: 4),
        Rejected(
            label: "mount target relative to the working directory resolving to /",
            text: "FROM alpine\nWORKDIR /app\nRUN --mount=type=tmpfs,target=.. true\n", code: .invalidMount, line: 3),
        Rejected(
            label: "working directory / inherited from the parent stage",
            text: "FROM alpine AS base\nWORKDIR /\nFROM base\nRUN --mount=type=bind,source=x make\n",
            code: .invalidMount, line: 4),
        Rejected(
            label: "target from a variable resolving to /",
            text: "FROM alpine\nARG T=/\nRUN --mount=type=bind,source=x,target=$T make\n", code: .invalidMount,
            line: 3),
        Rejected(
            label: "uid on a bind mount", text: "FROM a\nRUN --mount=type=bind,source=x,target=/x,uid=1000 make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "size on a cache mount", text: "FROM a\nRUN --mount=type=cache,target=/c,size=1g make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "sharing on a bind mount", text: "FROM a\nRUN --mount=target=/x,sharing=locked make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "required on a cache mount", text: "FROM a\nRUN --mount=type=cache,target=/c,required make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "secret mount with from", text: "FROM a\nRUN --mount=type=secret,id=x,from=b make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "secret mount with neither id, source nor target", text: "FROM a\nRUN --mount=type=secret make\n",
            code: .invalidMount, line: 2),
        Rejected(
            label: "a key other than ro/rw/required without a value",
            text: "FROM a\nRUN --mount=type=bind,target make\n", code: .invalidMount, line: 2),
        Rejected(
            label: "a variable in a mount's from",
            text: "FROM a AS tools\nFROM b\nARG T=tools\nRUN --mount=from=$T,target=/t true\n", code: .invalidMount,
            line: 4),
        Rejected(
            label: "ONBUILD ONBUILD", text: "FROM a\nONBUILD ONBUILD RUN true\n", code: .invalidOnBuild, line: 2),
        Rejected(
            label: "ONBUILD FROM", text: "FROM a\nONBUILD FROM b\n", code: .invalidOnBuild, line: 2),
        Rejected(
            label: "a broken ONBUILD trigger of a stage the target builds on",
            text: "FROM alpine AS base\nONBUILD COPY --bogus a b\nFROM base\nRUN true\n", code: .unknownFlag,
            line: 2),
        Rejected(
            label: "COPY with a flag only ADD has", text: "FROM a\nCOPY --checksum=sha256:00 a /a\n",
            code: .unknownFlag, line: 2),
        Rejected(
            label: "COPY of a URL", text: "FROM a\nCOPY https://example.com/x /x\n", code: .remoteSourceInCopy,
            line: 2),
        Rejected(
            label: "COPY --from naming its own stage", text: "FROM a AS self\nCOPY --from=self /x /x\n",
            code: .invalidStageReference, line: 2),
        Rejected(
            label: "ADD --keep-git-dir with a value that is not a boolean",
            text: "FROM a\nADD --keep-git-dir=yes https://github.com/a/b.git /b\n", code: .badFlagValue, line: 2),
        Rejected(
            label: "a numeric --chmod that is not octal", text: "FROM a\nCOPY --chmod=0789 run.sh /usr/bin/\n",
            code: .badFlagValue, line: 2),
        Rejected(
            label: "a --chmod above 07777", text: "FROM a\nCOPY --chmod=17777 run.sh /usr/bin/\n",
            code: .badFlagValue, line: 2),
        Rejected(
            label: "ADD --checksum of a context file",
            text: "FROM a\nADD --checksum=sha256:\(String(repeating: "0", count: 64)) vendor.tgz /v/\n",
            code: .badFlagValue, line: 2),
        Rejected(
            label: "ADD --checksum with two sources",
            text: "FROM a\nADD --checksum=sha256:00 https://example.com/a https://example.com/b /v/\n",
            code: .badFlagValue, line: 2),
        Rejected(
            label: "a repeated escape directive", text: "# escape=`\n# escape=\\\nFROM a\n",
            code: .duplicateDirective, line: 2),
    ]

    @Test(arguments: rejected)
    func rejectedAsBuildKitDoes(_ example: Rejected) throws {
        let error = #expect(throws: DockerfileError.self) {
            _ = try parseFile(example.text, name: "svc/Dockerfile").contextUsage()
        }
        #expect(error?.code == example.code)
        #expect(error?.line == example.line)
        if let line = example.line { #expect(error?.message.hasPrefix("svc/Dockerfile:\(line): ") == true) }
    }

    @Test func buildArgumentsReachOnlyDeclaredArgs() throws {
        let file = try parseFile(
            """
            ARG VARIANT=slim
            FROM python:3.12-${VARIANT}
            ARG SERVICE=api
            COPY services/${SERVICE}/requirements.txt ./
            COPY ${UNDECLARED}config.toml ./

            """)
        let sources = try file.contextUsage(buildArgs: ["SERVICE": "worker", "UNDECLARED": "x/"]).sources
        #expect(sources.map(\.pattern) == ["services/worker/requirements.txt", "config.toml"])
        let image = try file.contextUsage(buildArgs: ["VARIANT": "alpine"]).stages[0].baseImage
        #expect(image.reference == "python:3.12-alpine")
    }

    @Test func aGlobalArgIsInvisibleInAStageUntilRedeclared() throws {
        let file = try parseFile("ARG DIR=web\nFROM alpine\nCOPY ${DIR}/a /a\nARG DIR\nCOPY ${DIR}/b /b\n")
        #expect(patterns(try file.contextUsage()) == ["a", "web/b"])
    }
}
