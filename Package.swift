// swift-tools-version:6.0
import PackageDescription

/// Targets follow the seams of the product: the ignore engine needs only the standard library, the walker only POSIX,
/// the git classifier only libgit2; the core joins them and the CLI alone knows about ArgumentParser and exit codes.
let package = Package(
    name: "ctxtrim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ctxtrim", targets: ["ctxtrim"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // YAML with line numbers, for `.ctxtrim.yml` errors and compose files.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Untrusted text (names, patterns, excerpts) made safe for each output format, and raw bytes carried in a
        // String without loss. Standard library only.
        .target(name: "UntrustedText"),
        // The one protocol every user-facing error conforms to: a stable code, a message, a fix, a cause and a kind
        // from which the CLI derives the exit status. Standard library only.
        .target(name: "CtxtrimErrors"),
        // .dockerignore reading, pattern compilation, matching and explanation. Standard library only.
        .target(name: "DockerIgnore", dependencies: ["CtxtrimErrors", "UntrustedText"]),
        // Parallel POSIX walk of a build context; knows nothing about globs.
        .target(name: "ContextWalker", dependencies: ["CWalk", "CtxtrimErrors", "UntrustedText"]),
        // getdents64(2) for the walker: Swift cannot call the variadic syscall(2).
        .target(name: "CWalk"),
        // Measures the walker on a given tree (not a test): counts, bytes and time.
        .executableTarget(name: "walk-bench", dependencies: ["ContextWalker"]),
        // The named temporary file of an atomic write: O_TMPFILE (a macro Swift cannot import) and signal handlers
        // that unlink it, which must be async-signal-safe C.
        .target(name: "CTempFile"),
        // Dockerfile parsing: instructions, stages, COPY/ADD/RUN --mount sources.
        .target(name: "DockerfileReader", dependencies: ["CtxtrimErrors", "UntrustedText"]),
        // docker buildx bake files: the HCL subset and the JSON form bake files use, targets, inherits, variables.
        .target(name: "BakeReader", dependencies: ["CtxtrimErrors", "Digest", "UntrustedText"]),
        // MD5 and SHA-256 over OpenSSL's libcrypto (bake's functions, the HTML report's CSP hashes, `ctxtrim digest`).
        .target(name: "Digest", dependencies: ["CLibcrypto"]),
        // OpenSSL's libcrypto through pkg-config (Debian: libssl-dev, which libgit2-dev already pulls in).
        .systemLibrary(name: "CLibcrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The self-contained HTML report page: its stylesheet, markup and script, embedded in the binary, around the
        // report's JSON. Knows nothing of scans.
        .target(
            name: "ReportPage", dependencies: ["Digest", "UntrustedText"],
            resources: [
                .embedInCode("Assets/report.css"), .embedInCode("Assets/report-body.html"),
                .embedInCode("Assets/report.js"),
            ]),
        // libgit2 through pkg-config (Debian: libgit2-dev).
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Tracked / untracked / git-ignored classification over libgit2.
        .target(name: "GitClassifier", dependencies: ["CLibgit2", "CtxtrimErrors", "UntrustedText"]),
        // Analysis, findings, the ignore-file generator and reporters.
        .target(
            name: "CtxtrimCore",
            dependencies: [
                "DockerIgnore", "ContextWalker", "DockerfileReader", "BakeReader", "Digest", "GitClassifier",
                "ReportPage",
                "UntrustedText", "CTempFile",
                "CtxtrimErrors",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Commands, printing and exit codes.
        .target(
            name: "CtxtrimCLI",
            dependencies: [
                "CtxtrimCore", "ContextWalker", "CtxtrimErrors", "UntrustedText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ctxtrim", dependencies: ["CtxtrimCLI"]),
        // Throughput of the ignore engine on a million synthetic monorepo paths: `swift run -c release ignore-bench`.
        .executableTarget(name: "ignore-bench", dependencies: ["DockerIgnore"]),

        // Fuzz targets (`scripts/fuzz`): libFuzzer entry points under `-DFUZZING`, else a `main` that replays the
        // files and directories it is given. `FuzzCorpusTests` replays every seed and regression in process.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "fuzz-ignore", dependencies: ["DockerIgnore", "FuzzSupport", "TestSupport"]),
        .executableTarget(name: "fuzz-dockerfile", dependencies: ["DockerfileReader", "FuzzSupport"]),
        .executableTarget(name: "fuzz-config", dependencies: ["CtxtrimCore", "FuzzSupport"]),
        .executableTarget(name: "fuzz-compose", dependencies: ["CtxtrimCore", "FuzzSupport"]),
        .executableTarget(name: "fuzz-bake", dependencies: ["BakeReader", "FuzzSupport"]),
        .executableTarget(name: "fuzz-escapers", dependencies: ["UntrustedText", "CtxtrimCore", "FuzzSupport"]),

        // Helpers every test target shares: temporary trees, git repositories made at test time, fixtures, the package
        // root, golden files, fixed seeds and the seeded generator of the property tests, and the reference ignore walk
        // the property tests and `fuzz-ignore` compare the engine with. Foundation and DockerIgnore only.
        .target(name: "TestSupport", dependencies: ["DockerIgnore"], path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        .testTarget(name: "UntrustedTextTests", dependencies: ["UntrustedText", "TestSupport"]),
        .testTarget(name: "DockerIgnoreTests", dependencies: ["CtxtrimErrors", "DockerIgnore", "TestSupport"]),
        .testTarget(name: "ContextWalkerTests", dependencies: ["ContextWalker", "TestSupport"]),
        .testTarget(name: "DockerfileReaderTests", dependencies: ["DockerfileReader", "TestSupport"]),
        .testTarget(name: "BakeReaderTests", dependencies: ["BakeReader", "TestSupport"]),
        .testTarget(name: "GitClassifierTests", dependencies: ["GitClassifier", "TestSupport"]),
        .testTarget(
            name: "CtxtrimCoreTests",
            dependencies: ["CtxtrimCore", "Digest", "ReportPage", "TestSupport", "UntrustedText"],
            // Golden files, read by path so that re-recording writes them in place.
            exclude: ["Snapshots"]),
        .testTarget(
            name: "CtxtrimCLITests", dependencies: ["CtxtrimCLI", "TestSupport", "UntrustedText"],
            // Golden files of every command's output, read by path like the core's.
            exclude: ["Snapshots"]),
        .testTarget(
            name: "FuzzCorpusTests",
            dependencies: [
                "FuzzSupport", "TestSupport", "UntrustedText", "fuzz-ignore", "fuzz-dockerfile", "fuzz-config",
                "fuzz-compose", "fuzz-bake",
                "fuzz-escapers",
            ]),
    ]
)
