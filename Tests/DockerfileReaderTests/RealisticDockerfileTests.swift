import Testing

@testable import DockerfileReader

/// Whole Dockerfiles as projects write them, with the exact context sources a build of the target reads.
@Suite struct RealisticDockerfileTests {
    struct Project: CustomTestStringConvertible, Sendable {
        let name: String
        let dockerfile: String
        var target: String? = nil
        var buildArgs: [String: String] = [:]
        /// pattern@line for each source of the target, in order
        let expected: [String]
        let referencesEverything: Bool
        /// paths the build needs and paths it does not
        let needed: [String]
        let unneeded: [String]
        var testDescription: String { name }
    }

    static let projects: [Project] = [
        Project(
            name: "node",
            dockerfile: """
                # syntax=docker/dockerfile:1.7
                ARG NODE_VERSION=20.11
                FROM node:${NODE_VERSION}-alpine AS deps
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN --mount=type=cache,target=/root/.npm \\
                    npm ci --omit=dev

                FROM deps AS build
                COPY tsconfig.json ./
                COPY src/ ./src/
                RUN npm run build

                FROM node:${NODE_VERSION}-alpine
                ENV NODE_ENV=production
                WORKDIR /app
                COPY --from=deps /app/node_modules ./node_modules
                COPY --from=build /app/dist ./dist
                COPY public ./public
                USER node
                CMD ["node", "dist/server.js"]
                """,
            expected: ["package.json@5", "package-lock.json@5", "tsconfig.json@10", "src@11", "public@19"],
            referencesEverything: false,
            needed: ["package.json", "src/index.ts", "public/favicon.ico", "src"],
            unneeded: ["node_modules/react/index.js", ".git/HEAD", "README.md", "dist/server.js"]),
        Project(
            name: "go",
            dockerfile: """
                FROM --platform=$BUILDPLATFORM golang:1.22 AS build
                ARG TARGETOS TARGETARCH
                WORKDIR /src
                RUN --mount=type=bind,source=go.mod,target=go.mod \\
                    --mount=type=bind,source=go.sum,target=go.sum \\
                    --mount=type=cache,target=/go/pkg/mod \\
                    go mod download
                RUN --mount=type=bind,target=. \\
                    --mount=type=cache,target=/root/.cache/go-build \\
                    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app

                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=build /out/app /app
                ENTRYPOINT ["/app"]
                """,
            expected: ["go.mod@4", "go.sum@4", ".@8"],
            referencesEverything: true,
            needed: ["cmd/app/main.go", "go.mod", "internal/x/y.go"],
            unneeded: []),
        Project(
            name: "rust",
            dockerfile: """
                FROM rust:1.77-slim AS planner
                WORKDIR /app
                RUN cargo install cargo-chef --locked
                COPY Cargo.toml Cargo.lock ./
                COPY crates/*/Cargo.toml ./crates/
                RUN cargo chef prepare --recipe-path recipe.json

                FROM planner AS builder
                COPY --from=planner /app/recipe.json recipe.json
                RUN cargo chef cook --release --recipe-path recipe.json
                COPY src ./src
                COPY crates ./crates
                RUN cargo build --release --bin server

                FROM debian:bookworm-slim
                COPY --from=builder /app/target/release/server /usr/local/bin/server
                CMD ["server"]
                """,
            expected: ["Cargo.toml@4", "Cargo.lock@4", "crates/*/Cargo.toml@5", "src@11", "crates@12"],
            referencesEverything: false,
            needed: ["crates/core/Cargo.toml", "crates/core/src/lib.rs", "src/main.rs", "Cargo.lock"],
            unneeded: ["target/release/server", "benches/b.rs", ".github/workflows/ci.yml"]),
        Project(
            name: "maven",
            dockerfile: """
                FROM maven:3.9-eclipse-temurin-21 AS build
                WORKDIR /workspace
                COPY pom.xml .
                COPY .mvn/ .mvn/
                RUN --mount=type=cache,target=/root/.m2 mvn -B dependency:go-offline
                COPY src src
                RUN --mount=type=cache,target=/root/.m2 mvn -B package -DskipTests

                FROM eclipse-temurin:21-jre
                ARG JAR=target/*.jar
                COPY --from=build /workspace/${JAR} /app.jar
                ENTRYPOINT ["java", "-jar", "/app.jar"]
                """,
            expected: ["pom.xml@3", ".mvn@4", "src@6"],
            referencesEverything: false,
            needed: ["pom.xml", ".mvn/wrapper/maven-wrapper.properties", "src/main/java/App.java"],
            unneeded: ["target/app.jar", "mvnw", ".idea/workspace.xml"]),
        Project(
            name: "python",
            dockerfile: """
                # escape=`
                FROM python:3.12-slim AS base
                ENV PYTHONDONTWRITEBYTECODE=1 `
                    APP_HOME=/srv/app
                WORKDIR $APP_HOME
                COPY requirements.txt requirements-dev.tx[t] ./
                RUN pip install --no-cache-dir -r requirements.txt

                FROM base AS test
                COPY tests/ tests/
                RUN pytest

                FROM base
                COPY app/ ./app/
                COPY <<EOF /etc/gunicorn.conf.py
                bind = "0.0.0.0:8000"
                EOF
                ADD https://example.com/certs/ca.pem /etc/ssl/
                CMD ["gunicorn", "app.main:app"]
                """,
            expected: ["requirements.txt@6", "requirements-dev.tx[t]@6", "app@14"],
            referencesEverything: false,
            needed: ["requirements.txt", "requirements-dev.txt", "app/main.py"],
            unneeded: ["tests/test_app.py", ".venv/bin/python", "requirements-dev.tx"]),
        Project(
            name: "monorepo service",
            dockerfile: """
                ARG SERVICE=billing
                FROM node:20-alpine AS workspace
                WORKDIR /repo
                COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
                COPY packages/*/package.json ./packages/
                ARG SERVICE
                COPY services/${SERVICE}/package.json ./services/${SERVICE}/
                RUN corepack enable && pnpm install --frozen-lockfile

                FROM workspace AS build
                ARG SERVICE
                COPY --exclude=**/*.test.ts packages/ ./packages/
                COPY services/${SERVICE}/ ./services/${SERVICE}/
                RUN pnpm --filter ${SERVICE} build

                FROM gcr.io/distroless/nodejs20-debian12 AS runtime
                ARG SERVICE
                COPY --from=build /repo/services/${SERVICE}/dist /app
                CMD ["/app/index.js"]

                FROM workspace AS lint
                COPY . .
                RUN pnpm lint
                """,
            target: "runtime",
            buildArgs: ["SERVICE": "payments"],
            expected: [
                "package.json@4", "pnpm-lock.yaml@4", "pnpm-workspace.yaml@4", "packages/*/package.json@5",
                "services/payments/package.json@7", "packages@12", "services/payments@13",
            ],
            referencesEverything: false,
            needed: ["services/payments/src/index.ts", "packages/ui/src/button.ts", "services", "pnpm-lock.yaml"],
            unneeded: ["services/billing/src/index.ts", "services/payments-old/x", ".turbo/cache", "docs/adr.md"]),
    ]

    @Test(arguments: projects)
    func contextSources(_ project: Project) throws {
        let usage = try parseFile(project.dockerfile).contextUsage(target: project.target, buildArgs: project.buildArgs)
        #expect(patterns(usage, withLines: true) == project.expected)
        #expect(usage.referencesEverything == project.referencesEverything)
        for path in project.needed { #expect(usage.references(path: path), "\(path) should be needed") }
        for path in project.unneeded { #expect(!usage.references(path: path), "\(path) should not be needed") }
    }

    @Test func monorepoExcludesAndHints() throws {
        let project = try #require(Self.projects.last)
        let usage = try parseFile(project.dockerfile).contextUsage(target: "runtime", buildArgs: project.buildArgs)
        #expect(usage.stages.map(\.index) == [0, 1, 2])
        #expect(usage.sources.first { $0.pattern == "packages" }?.excludes == ["**/*.test.ts"])
        #expect(usage.stages[0].baseImage.tag == "20-alpine")
        #expect(usage.stages[2].baseImage.floatsOnLatest)
        #expect(usage.stages[0].runSteps.map(\.run.command) == ["corepack enable && pnpm install --frozen-lockfile"])
    }

    @Test func goRunMountCommandsKeepTheirContinuationText() throws {
        let project = try #require(Self.projects.first { $0.name == "go" })
        let usage = try parseFile(project.dockerfile).contextUsage()
        let commands = usage.stages[0].runSteps.map(\.run.command)
        #expect(commands.first?.hasSuffix("go mod download") == true)
        #expect(usage.stages[0].runSteps.map(\.line) == [4, 8])
        #expect(usage.stages[0].baseImage.reference == "golang:1.22")
    }
}
