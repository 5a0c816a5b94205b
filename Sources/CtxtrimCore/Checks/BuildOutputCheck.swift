/// `build-output`: compiler, bundler and test-tool output directories that would be sent.
package struct BuildOutputCheck: DirectoryCheck {
    /// Names that are build output wherever they appear (unless git tracks something in them).
    static let names: Set<Substring> = [
        "dist", "build", "out", ".build", "_build", "__pycache__", ".next", ".nuxt", ".svelte-kit", ".angular",
        ".output", "coverage", ".nyc_output", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", ".turbo",
        ".parcel-cache", ".cache", ".eggs", ".sass-cache", "DerivedData", ".vercel", ".serverless",
    ]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .buildOutput, title: "Build output or cache",
        summary: "Build output, test output or a tool cache would be sent instead of being produced by the build.",
        defaultSeverity: .warning,
        help: """
            Local build output is large, platform-specific and stale; the Dockerfile should build from source \
            (use a multi-stage build). Test runners' and linters' caches (`.pytest_cache`, `.mypy_cache`, ...) and \
            coverage reports are named as such: the image needs neither. Matched by name: `dist`, `build`, `out`, `.build`, `_build`, \
            `__pycache__`, `.next`, `.nuxt`, `.svelte-kit`, `.angular`, `.output`, `coverage`, `.nyc_output`, \
            `.pytest_cache`, `.mypy_cache`, `.ruff_cache`, `.hypothesis`, `.turbo`, `.parcel-cache`, `.cache`, \
            `.eggs`, `*.egg-info`, `.sass-cache`, `DerivedData`, `.vercel`, `.serverless`, `cmake-build-*`. \
            `target/` only beside `Cargo.toml`, `pom.xml` or `build.sbt`, or when git ignores it; `bin/` and \
            `obj/` only beside a `*.csproj`, `*.fsproj` or `*.vbproj`. A directory in which git tracks any file \
            is never reported by name alone. If the image really ships prebuilt output, keep it and exclude the \
            rest with an allow-list .dockerignore.
            """,
        subjects: [.directory], fixReason: "build output", yieldsToClaimedDirectories: true,
        examples: [
            .directory(
                "`dist/`", triggers: true,
                .init(path: "web/dist", sentFiles: 12, sentBytes: 400_000, gitClass: .ignored)),
            .directory(
                "`__pycache__/`", triggers: true, .init(path: "app/__pycache__", sentFiles: 4, sentBytes: 8_000)),
            .directory(
                "`target/` beside `Cargo.toml`", triggers: true,
                .init(path: "target", sentFiles: 30, sentBytes: 9_000_000, siblingMarkers: .cargo)),
            .directory(
                "a git-ignored `target/`", triggers: true,
                .init(path: "target", sentFiles: 3, sentBytes: 90, gitClass: .ignored)),
            .directory(
                "`obj/` beside a `*.csproj`", triggers: true,
                .init(path: "src/App/obj", sentFiles: 3, sentBytes: 90, siblingMarkers: .dotnet)),
            .directory("`pkg.egg-info/`", triggers: true, .init(path: "pkg.egg-info", sentFiles: 3, sentBytes: 90)),
            .directory(
                "an untracked `target/` with no project file", triggers: false,
                .init(path: "deploy/target", sentFiles: 3, sentBytes: 90, gitClass: .untracked)),
            .directory("`bin/` of shell scripts", triggers: false, .init(path: "bin", sentFiles: 3, sentBytes: 90)),
            .directory(
                "a `build/` in which git tracks files", triggers: false,
                .init(path: "build", sentFiles: 3, sentBytes: 90, gitClass: .tracked, tracksAnything: true)),
            .directory("`src/`", triggers: false, .init(path: "src", sentFiles: 3, sentBytes: 90)),
        ])

    package func check(_ directory: DirectoryFacts) -> Finding? {
        guard directory.sentFiles > 0, !directory.tracksAnything, isBuildOutput(directory) else { return nil }
        let pattern = directory.ignorePattern
        let message =
            if Self.toolCacheNames.contains(directory.name) {
                """
                \(directory.sizeDescription) is a local tool cache: add `\(pattern)` to .dockerignore; the image \
                never needs it.
                """
            } else if Self.testOutputNames.contains(directory.name) {
                """
                \(directory.sizeDescription) is test coverage output: add `\(pattern)` to .dockerignore; the image \
                never needs it.
                """
            } else {
                """
                \(directory.sizeDescription) is build output: add `\(pattern)` to .dockerignore and build it in the \
                Dockerfile (a multi-stage build keeps tools out of the image).
                """
            }
        return finding(about: directory, message: message, suggestion: pattern)
    }

    /// Caches of test runners, linters and bundlers: not output of a build, and never built by the Dockerfile.
    static let toolCacheNames: Set<Substring> = [
        ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", ".parcel-cache", ".cache", ".sass-cache",
        ".turbo",
    ]
    /// Coverage reports.
    static let testOutputNames: Set<Substring> = ["coverage", ".nyc_output"]

    private func isBuildOutput(_ directory: DirectoryFacts) -> Bool {
        let name = directory.name
        if Self.names.contains(name) || name.hasSuffix(".egg-info") || name.hasPrefix("cmake-build-") { return true }
        switch name {
        case "target":
            return directory.gitClass == .ignored || !directory.siblingMarkers.isDisjoint(with: [.cargo, .maven, .sbt])
        case "bin", "obj":
            return directory.siblingMarkers.contains(.dotnet)
        default:
            return false
        }
    }
}
