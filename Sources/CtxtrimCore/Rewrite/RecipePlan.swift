/// What an ecosystem's recipe decided for one Dockerfile: the instructions of the build stage it adds, the runtime
/// image and what is copied into it. ``StagePlacement`` places them among the instructions the user wrote.
struct RecipePlan {
    var ecosystem: RewriteEcosystem
    /// Context paths of the dependency manifests; a `COPY` of only these (and of what `manifestCopies` copies)
    /// counts as the manifest copy already.
    var manifests: Set<String>
    /// Instructions copying the manifests, placed before the first `COPY` of sources.
    var manifestCopies: [String]
    /// Instructions fetching dependencies, right after the manifests.
    var fetch: [String]
    /// Instructions building the artifact, after the last `COPY` of sources.
    var build: [String]
    /// Whether the build stage needs the sources (`COPY . .`); an interpreted project's runtime copies them instead.
    var buildCopiesSources = true
    /// Commands of the user's `RUN` steps that this plan replaces (installs, the build); any other command stops
    /// the rewrite.
    var replaces: (ShellCommand) -> Bool
    /// The runtime stage's `FROM` image.
    var runtimeImage: String
    /// Instructions right after the runtime `FROM`.
    var runtimePrelude: [String] = []
    /// Whether the runtime stage copies the sources from the context as the user wrote it.
    var runtimeCopiesSources = false
    /// `COPY --from=build` instructions of the artifact, placed after the sources and before `USER`, `CMD` and
    /// `ENTRYPOINT`.
    var artifacts: [String]
    /// The absolute path that replaces the program of `ENTRYPOINT`/`CMD`; nil keeps them as written.
    var program: String?
    /// A `HEALTHCHECK` cannot run on an image without a shell and tools.
    var runtimeHasShell: Bool
    var decisions: [String]
    var caveats: [String] = []
}

/// A `RUN` with cache mounts, continued over lines as a person would write it.
enum RunLine {
    static func make(mounts: [String], _ command: String) -> String {
        guard !mounts.isEmpty else { return "RUN \(command)" }
        let flags = mounts.map { "--mount=type=cache,target=\($0)" }
        return "RUN " + (flags + [command]).joined(separator: " \\\n    ")
    }
}
