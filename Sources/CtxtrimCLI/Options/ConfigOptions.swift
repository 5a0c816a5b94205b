import ArgumentParser

/// The `.ctxtrim.yml` that `scan`, `check` and `fix` all apply: which checks run, their severities, suppressions.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "Configuration file (default: CONTEXT/.ctxtrim.yml when it exists; with --all, each build's own).",
            valueName: "file"))
    var path: String?
}
