import Testing

@testable import CtxtrimCore

/// The Dockerfile hints on real Dockerfiles, written to a temporary context and read with DockerfileReader.
@Suite struct DockerfileHintsTests {
    static func hints(_ check: CheckID, _ dockerfile: String) throws -> [Finding] {
        try LintContext(files: ["Dockerfile": dockerfile]).findings([check])
    }

    struct InstallCase: CustomTestStringConvertible, Sendable {
        let label: String
        let dockerfile: String
        /// The anchored COPY line, and text the suggestion must contain; nil line for no hint.
        let line: Int?
        var suggestion = ""
        var testDescription: String { label }
    }

    static let installCases: [InstallCase] = [
        InstallCase(
            label: "npm ci", dockerfile: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", line: 3,
            suggestion: "`COPY package.json package-lock.json ./`, then `RUN npm ci`"),
        InstallCase(
            label: "bare yarn", dockerfile: "FROM node:22\nCOPY . .\nRUN yarn --frozen-lockfile\n", line: 2,
            suggestion: "COPY package.json yarn.lock ./"),
        InstallCase(
            label: "pnpm install",
            dockerfile: "FROM node:22\nCOPY . .\nRUN corepack enable && pnpm install --frozen-lockfile\n",
            line: 2, suggestion: "COPY package.json pnpm-lock.yaml ./"),
        InstallCase(
            label: "go mod download", dockerfile: "FROM golang:1.23 AS build\nCOPY . .\nRUN go mod download\n", line: 2,
            suggestion: "COPY go.mod go.sum ./"),
        InstallCase(
            label: "pip -r in a subdirectory",
            dockerfile: "FROM python:3.12\nCOPY . .\nRUN pip install --no-cache-dir -r requirements/prod.txt\n",
            line: 2,
            suggestion: "`COPY requirements/prod.txt requirements/`"),
        InstallCase(
            label: "python -m pip",
            dockerfile: "FROM python:3.12\nCOPY . .\nRUN python3 -m pip install -r requirements.txt\n",
            line: 2, suggestion: "`COPY requirements.txt ./`"),
        InstallCase(
            label: "poetry", dockerfile: "FROM python:3.12\nCOPY . .\nRUN poetry install --only main\n", line: 2,
            suggestion: "`COPY pyproject.toml poetry.lock ./`, then `RUN poetry install --no-root`"),
        InstallCase(
            label: "bundler", dockerfile: "FROM ruby:3.3\nCOPY . .\nRUN bundle install --jobs 4\n", line: 2,
            suggestion: "COPY Gemfile Gemfile.lock ./"),
        InstallCase(
            label: "cargo build", dockerfile: "FROM rust:1.80 AS build\nCOPY . .\nRUN cargo build --release\n", line: 2,
            suggestion: "`COPY Cargo.toml Cargo.lock ./`, then `RUN cargo fetch`"),
        InstallCase(
            label: "mvn package",
            dockerfile: "FROM maven:3-eclipse-temurin-21\nCOPY . .\nRUN mvn -B package -DskipTests\n",
            line: 2, suggestion: "`COPY pom.xml ./`, then `RUN mvn dependency:go-offline`"),
        InstallCase(
            label: "./gradlew build",
            dockerfile: "FROM eclipse-temurin:21\nCOPY . .\nRUN ./gradlew build --no-daemon\n",
            line: 2, suggestion: "`COPY build.gradle* settings.gradle* ./`, then `RUN gradlew dependencies`"),
        InstallCase(
            label: "composer", dockerfile: "FROM php:8.3\nCOPY . .\nRUN composer install --no-dev\n", line: 2,
            suggestion: "COPY composer.json composer.lock ./"),
        InstallCase(
            label: "dotnet restore",
            dockerfile: "FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet restore\n",
            line: 2, suggestion: "COPY *.csproj ./"),
        InstallCase(
            label: "inside a RUN heredoc", dockerfile: "FROM node:22\nCOPY . .\nRUN <<EOF\nset -e\nnpm ci\nEOF\n",
            line: 2, suggestion: "package-lock.json"),
        InstallCase(
            label: "ADD of the whole context", dockerfile: "FROM node:22\nADD . /app\nRUN cd /app && npm install\n",
            line: 2, suggestion: "`ADD . /app` sends the whole context before `npm install` (line 3)"),
        InstallCase(
            label: "COPY * ./", dockerfile: "FROM node:22\nCOPY * ./\nRUN npm ci\n", line: 2, suggestion: "npm"),
        InstallCase(
            label: "continuation lines", dockerfile: "FROM node:22\nCOPY . .\nRUN apt-get update \\\n && npm ci\n",
            line: 2, suggestion: "npm ci"),
        InstallCase(
            label: "manifests copied first",
            dockerfile:
                "FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
            line: nil),
        InstallCase(
            label: "a package named on npm install", dockerfile: "FROM node:22\nCOPY . .\nRUN npm install express\n",
            line: nil),
        InstallCase(
            label: "a bind mount instead of COPY", dockerfile: "FROM node:22\nRUN --mount=type=bind,target=. npm ci\n",
            line: nil),
        InstallCase(
            label: "only a subdirectory copied", dockerfile: "FROM node:22\nCOPY src ./src\nRUN npm ci\n", line: nil),
        InstallCase(
            label: "install in an earlier stage",
            dockerfile: "FROM node:22 AS deps\nCOPY package.json .\nRUN npm ci\nFROM deps\nCOPY . .\nRUN npm test\n",
            line: nil),
        InstallCase(
            label: "the command only echoed", dockerfile: "FROM node:22\nCOPY . .\nRUN echo npm ci\n", line: nil),
        InstallCase(
            label: "a stage the target does not use",
            dockerfile: "FROM node:22 AS dev\nCOPY . .\nRUN npm ci\nFROM node:22-slim\nCOPY app.js .\n", line: nil),
    ]

    @Test(arguments: installCases)
    func copyAllBeforeInstall(_ testCase: InstallCase) throws {
        let findings = try Self.hints("copy-all-before-install", testCase.dockerfile)
        #expect(findings.map(\.line) == (testCase.line.map { [$0] } ?? []), "\(findings)")
        if let finding = findings.first {
            #expect(finding.path == "Dockerfile" && finding.severity == .info)
            #expect(finding.message.contains(testCase.suggestion), "\(finding.message)")
        }
    }

    static let compilerCases: [(from: String, run: String, triggers: Bool)] = [
        ("golang:1.23", "go build ./...", true),
        ("docker.io/library/golang:1.23", "go build ./...", true),
        ("rust:1.80", "cargo build --release", true),
        ("gcc:14", "make", true),
        ("maven:3-eclipse-temurin-21", "mvn package", true),
        ("gradle:8-jdk21", "gradle build", true),
        ("openjdk:17-jdk-slim", "javac Main.java", true),
        ("openjdk:17-jre-slim", "true", false),
        ("eclipse-temurin:21", "true", true),
        ("eclipse-temurin:21-jre-alpine", "true", false),
        ("mcr.microsoft.com/dotnet/sdk:8.0", "dotnet publish", true),
        ("mcr.microsoft.com/dotnet/aspnet:8.0", "true", false),
        ("swift:6.0", "swift build -c release", true),
        ("swift:6.0-slim", "true", false),
        ("node:22", "npm ci && npm run build", true),
        ("node:22", "yarn build", true),
        ("node:22", "npm ci --omit=dev", false),
        ("python:3.12", "pip install -r requirements.txt", false),
        ("ghcr.io/acme/golang:1", "true", false),
    ]

    @Test(arguments: compilerCases)
    func singleStageCompilerImage(_ testCase: (from: String, run: String, triggers: Bool)) throws {
        let findings = try Self.hints(
            "single-stage-compiler-image", "# syntax=docker/dockerfile:1\nFROM \(testCase.from)\nRUN \(testCase.run)\n")
        #expect(findings.map(\.line) == (testCase.triggers ? [2] : []), "\(findings)")
    }

    @Test func multiStageBuildsAreNotSingleStage() throws {
        let findings = try Self.hints(
            "single-stage-compiler-image",
            "FROM golang:1.23 AS build\nRUN go build -o /app\nFROM build AS test\nRUN go test ./...\n")
        #expect(findings.isEmpty)
    }

    static let unpinnedCases: [(dockerfile: String, lines: [Int])] = [
        ("FROM node\n", [1]),
        ("FROM node:latest\n", [1]),
        ("FROM docker.io/library/node\n", [1]),
        ("FROM localhost:5000/app\n", [1]),
        ("ARG IMAGE=alpine\nFROM ${IMAGE}\n", [2]),
        ("FROM node:22\n", []),
        ("FROM localhost:5000/app:1.2\n", []),
        ("FROM alpine@sha256:\(String(repeating: "a", count: 64))\n", []),
        ("FROM scratch\n", []),
        ("FROM alpine:3.20 AS base\nFROM base\n", []),
        ("ARG VERSION\nFROM alpine:${VERSION}\n", []),
        ("ARG VERSION=3.20\nFROM alpine:${VERSION}\n", []),
        ("FROM ubuntu AS unused\nFROM alpine:3.20\n", []),
        ("FROM golang AS build\nFROM alpine:3.20\nCOPY --from=build /go /go\n", [1]),
    ]

    @Test(arguments: unpinnedCases)
    func unpinnedBaseImage(_ testCase: (dockerfile: String, lines: [Int])) throws {
        let findings = try Self.hints("unpinned-base-image", testCase.dockerfile)
        #expect(findings.map(\.line) == testCase.lines.map { $0 }, "\(findings)")
    }

    @Test func hintsUseTheDockerfileDisplayPath() throws {
        let context = try LintContext(files: ["docker/api.Dockerfile": "FROM node\nCOPY . .\nRUN npm ci\n"])
        let findings = try context.findings(
            [.copyAllBeforeInstall, .singleStageCompilerImage, .unpinnedBaseImage],
            dockerfile: context.directory.path + "/docker/api.Dockerfile")
        #expect(findings.map(\.check) == ["unpinned-base-image", "copy-all-before-install"])
        #expect(findings.allSatisfy { $0.path == "docker/api.Dockerfile" })
    }
}
