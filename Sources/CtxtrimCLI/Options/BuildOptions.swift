import ArgumentParser

/// What the build asks of the Dockerfile, as `docker build` takes it: `--target` and `--build-arg`.
struct BuildOptions: ParsableArguments {
    @Option(help: "The build stage (default: the last one).")
    var target: String?

    @Option(name: .customLong("build-arg"), help: "KEY=VALUE for ARG substitution in COPY sources (repeatable).")
    var buildArgs: [String] = []

    func validate() throws {
        for argument in buildArgs where !argument.contains("=") {
            throw ValidationError("--build-arg must be KEY=VALUE, got '\(argument)'")
        }
    }

    /// The values by key; the last one given for a key wins.
    var arguments: [String: String] {
        Dictionary(
            buildArgs.map { argument in
                let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { _, last in last })
    }
}
