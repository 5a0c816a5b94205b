/// `copy-all-before-install`: `COPY . .` before a dependency install in the same stage, so any change to any file
/// re-runs the install.
package struct CopyAllBeforeInstallCheck: LintCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .copyAllBeforeInstall, title: "Whole context copied before installing dependencies",
        summary:
            "A stage copies the whole context before installing dependencies, so every change re-runs the install.",
        defaultSeverity: .info,
        help: """
            A `COPY`/`ADD` of the whole context (`.`, `/`, `*`) invalidates the build cache whenever any file \
            changes, and every later step runs again: `npm ci`, `go mod download` and their kind then download \
            everything on each build. Copy the manifests first, install, then copy the rest. Recognised: `npm ci`, \
            `npm install`, `yarn [install]`, `pnpm install`/`fetch`, `go mod download`, `pip install -r`, \
            `poetry install`, `bundle install`, `cargo build`/`fetch`, `mvn dependency:go-offline`/`package`, \
            `gradle dependencies`/`build`, `composer install`, `dotnet restore`, also inside `RUN` heredocs. \
            Only steps of the same stage count, and not when the stage already ran an install of the same \
            ecosystem before the copy (`cargo fetch` before `COPY . .` and `cargo build`); the hint is anchored to \
            the `COPY` line.
            """,
        family: .dockerfile, subjects: [.dockerfileLine],
        examples: [
            .dockerfile(
                "`COPY . .` then `npm ci`", triggers: true,
                "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"),
            .dockerfile(
                "`COPY . .` then `go mod download`", triggers: true,
                "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n"
                    + "FROM gcr.io/distroless/static\nCOPY --from=build /app /app\n"),
            .dockerfile(
                "manifests copied first", triggers: false,
                "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n"
                    + "RUN npm run build\n"),
            .dockerfile(
                "`npm install -g` of a tool", triggers: false,
                "FROM node:22-slim\nCOPY . .\nRUN npm install -g pnpm@9\n"),
            .dockerfile(
                "dependencies fetched before the sources, then `cargo build`", triggers: false,
                "FROM rust:1.83 AS build\nWORKDIR /src\nCOPY Cargo.toml Cargo.lock ./\nRUN cargo fetch\nCOPY . .\n"
                    + "RUN cargo build --release\n"),
            .dockerfile(
                "install in another stage", triggers: false,
                "FROM python:3.12 AS deps\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
                    + "FROM deps\nCOPY . .\nCMD [\"python\", \"app.py\"]\n"),
        ])

    package func check(_ subject: LintSubject) -> [Finding] {
        guard let dockerfile = subject.dockerfile else { return [] }
        return dockerfile.usage.stages.compactMap { stage in
            guard
                let copyAll = stage.sources.first(where: {
                    $0.referencesEverything && $0.origin != .bindMount && $0.namedContext == nil
                })
            else { return nil }
            let commands = dockerfile.commands(of: stage)
            // The manifests-first pattern already followed: an install of the same ecosystem ran before the copy.
            let fetchedBefore = Set(
                commands.compactMap { step in
                    step.line < copyAll.line ? DependencyInstall.recognise(step.command)?.ecosystem : nil
                })
            guard
                let install = commands.lazy.compactMap({ step in
                    step.line > copyAll.line ? DependencyInstall.recognise(step.command).map { (step.line, $0) } : nil
                }).first(where: { !fetchedBefore.contains($0.1.ecosystem) })
            else { return nil }
            let (installLine, detected) = install
            let rerun = detected.installAfterCopy.map { "`RUN \($0)`" } ?? "`RUN \(detected.command)`"
            let keyword = copyAll.origin == .add ? "ADD" : "COPY"
            let copy = dockerfile.instructionText(atLine: copyAll.line) ?? "\(keyword) \(copyAll.written)"
            return finding(
                .dockerfileLine(dockerfile.displayPath, line: copyAll.line),
                message: """
                    `\(copy)` sends the whole context before `\(detected.command)` (line \
                    \(installLine)), so any change to any file re-runs the \(detected.ecosystem) install. Copy the \
                    manifests first: `\(detected.manifestCopy)`, then \(rerun), then the rest of the sources.
                    """)
        }
    }
}
