/// Rust: `Cargo.toml` and `Cargo.lock` copied and `cargo fetch` run before the sources, `cargo build --release`
/// with the registry and `target/` cached, the one binary copied out to `/usr/local/bin`, and a glibc runtime
/// (`gcr.io/distroless/cc`) of the build image's Debian release.
enum RustRecipe {
    /// `-sys` crates that are only bindings or ship their own code; any other links a system library.
    private static let harmlessSys: Set<String> = [
        "linux-raw-sys", "windows-sys", "js-sys", "web-sys", "core-foundation-sys", "security-framework-sys",
        "wasi", "errno-sys", "libc",
    ]

    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        let cargo = stage.allCommands.filter { $0.program == "cargo" }
        guard stage.repository == "rust" || (!cargo.isEmpty && project.has("Cargo.toml")) else { return nil }
        guard let manifest = project.text("Cargo.toml") else {
            throw RewriteStop(.unrecognised, "the context sends no `Cargo.toml` at its root")
        }
        if stage.tag.contains("alpine") {
            throw RewriteStop(
                .runtimeImage, "`\(stage.base.reference)` builds for musl: choose the runtime image yourself")
        }
        let tables = ManifestText.tomlTables(manifest)
        guard let package = tables.first(where: { $0.header == "[package]" })?.values["name"] else {
            throw RewriteStop(.artifact, "`Cargo.toml` has no `[package] name` (a workspace?): several artifacts")
        }
        let lock = project.text("Cargo.lock")
        if let lock { try checkNative(lock) }
        // Binary targets: `[[bin]]` tables, `src/main.rs` (named after the package) and `src/bin/*.rs`.
        var bins: [(name: String, path: String)] = tables.filter { $0.header == "[[bin]]" }.compactMap { table in
            table.values["name"].map { ($0, table.values["path"] ?? "src/bin/\($0).rs") }
        }
        if project.has("src/main.rs"), !bins.contains(where: { $0.path == "src/main.rs" || $0.name == package }) {
            bins.append((package, "src/main.rs"))
        }
        for path in project.files
        where path.hasPrefix("src/bin/") && path.hasSuffix(".rs") && path.split(separator: "/").count == 3 {
            let name = String(ContextPathName.last(path).dropLast(3))
            if !bins.contains(where: { $0.name == name || $0.path == path }) { bins.append((name, path)) }
        }
        let builds = cargo.filter { ["build", "install"].contains($0.operands.first ?? "") }
        guard builds.count == 1, let build = builds.first else {
            throw RewriteStop(
                .artifact, "the RUN steps run `cargo build` or `cargo install` \(builds.count) times, not once")
        }
        if let index = build.arguments.firstIndex(of: "--bin"), index + 1 < build.arguments.count {
            bins = bins.filter { $0.name == build.arguments[index + 1] }
        }
        guard bins.count == 1, let bin = bins.first else {
            throw RewriteStop(
                .artifact,
                bins.isEmpty
                    ? "`Cargo.toml` names no binary target: ctxtrim cannot tell what the image runs"
                    : "the crate has \(bins.count) binaries (\(bins.map { "`\($0.name)`" }.joined(separator: ", "))): several artifacts"
            )
        }
        if build.arguments.contains(where: { $0 == "--target" || $0.hasPrefix("--target=") || $0 == "--features" }) {
            throw RewriteStop(
                .unplaceable, "`cargo \(build.operands.first ?? "")` takes options ctxtrim does not carry over")
        }
        guard let texts = project.texts(project.files(endingWith: ".rs"))?.map(\.text) else {
            throw RewriteStop(.artifact, "the Rust sources sent cannot all be read to look for embedded files")
        }
        try RuntimeData.check(
            project, sourceSuffix: ".rs",
            embeds: texts.contains { $0.contains("include_str!") || $0.contains("include_bytes!") })

        let entry = try stage.entrypoint()
        guard let program = entry.program, ContextPathName.last(program) == bin.name else {
            throw RewriteStop(
                .entrypoint,
                "the image runs `\(entry.program ?? "")`, not the binary `\(bin.name)`: an unusual entrypoint")
        }
        guard let workdir = stage.workdir() else {
            throw RewriteStop(.unplaceable, "a WORKDIR uses a variable ctxtrim cannot expand")
        }
        let release = stage.tag.contains("trixie") ? "debian13" : "debian12"
        let runtime = "gcr.io/distroless/cc-\(release)"
        let target = SingleStage.resolve("target", from: workdir)
        let installed = "/usr/local/bin/\(bin.name)"
        let manifests = ["Cargo.toml"] + (lock != nil ? ["Cargo.lock"] : [])
        let locked = lock != nil ? " --locked" : ""
        let registry = ["/usr/local/cargo/registry", "/usr/local/cargo/git/db"]
        let selects = bins.count == 1 && builds.first?.arguments.contains("--bin") == true ? " --bin \(bin.name)" : ""
        return RecipePlan(
            ecosystem: .rust, manifests: Set(manifests),
            manifestCopies: ["COPY \(manifests.joined(separator: " ")) ./"],
            fetch: [
                RunLine.make(
                    mounts: registry,
                    "mkdir -p \(ShellWord.quoted(ContextPathDirectory.of(bin.path))) && touch \(ShellWord.quoted(bin.path)) && cargo fetch\(locked)"
                )
            ],
            build: [
                RunLine.make(
                    mounts: registry + [target],
                    "cargo build --release\(locked)\(selects) && cp target/release/\(bin.name) \(installed)")
            ],
            replaces: { command in
                (command.program == "cargo" && ["build", "install", "fetch"].contains(command.operands.first ?? ""))
                    || (["cp", "mv"].contains(command.program)
                        && command.operands.contains { $0.contains("target/release/") })
            },
            runtimeImage: runtime, artifacts: ["COPY --from=build \(installed) \(installed)"], program: installed,
            runtimeHasShell: false,
            decisions: [
                "a `build` stage on `\(stage.base.reference)`, the same image as before",
                "`\(manifests.joined(separator: "`, `"))` copied and `cargo fetch\(locked)` run before the sources (with an empty `\(bin.path)` so that Cargo can read the manifest; the sources replace it)",
                "cache mounts for the registry and git checkouts (`/usr/local/cargo/registry`, `/usr/local/cargo/git/db`) and `\(target)`; the binary is copied out of the cached `target/` in the same step",
                "`cargo build --release`: the optimised binary `\(bin.name)` (from `\(bin.path)`)",
                "runtime `\(runtime)`: glibc, libgcc, CA certificates and time zone data, no shell; `\(release)` to match the Debian release of the build image (a newer glibc in the build image would not run here)",
                "the binary goes to `\(installed)`; ENTRYPOINT/CMD run it there in exec form",
            ])
    }

    /// Refuses `-sys` crates that link a system library (OpenSSL, libpq, ...), from `Cargo.lock`.
    private static func checkNative(_ lock: String) throws(RewriteStop) {
        for table in ManifestText.tomlTables(lock) where table.header == "[[package]]" {
            guard let name = table.values["name"], name.hasSuffix("-sys"), !harmlessSys.contains(name) else {
                continue
            }
            throw RewriteStop(
                .nativeDependencies,
                "`Cargo.lock` has `\(name)`, which links a C library the runtime image may not have")
        }
    }
}

/// The directory part of a relative path ("." when there is none).
enum ContextPathDirectory {
    static func of(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    }
}
