import ArgumentParser
import CtxtrimCore
import Foundation

/// How `--all` reads the compose projects it finds, as `docker compose` takes the same choices.
struct ComposeOptions: ParsableArguments {
    @Option(
        name: .customLong("env-file"),
        help: ArgumentHelp(
            "Take compose variables from FILE instead of each project's .env, as docker compose --env-file does "
                + "(repeatable; later files win).", valueName: "file"))
    var envFiles: [String] = []

    @Option(
        name: .customLong("compose-file"),
        help: ArgumentHelp(
            "With --all: these compose files, merged in order, are the project of the first one's directory, as "
                + "docker compose -f a -f b reads them (repeatable).", valueName: "file"))
    var composeFiles: [String] = []

    @Flag(
        name: .customLong("compose-environment"),
        help: ArgumentHelp(
            "Take ${VAR} values from the process environment too, as docker compose does; off because a compose file "
                + "from the scanned tree could otherwise copy a CI secret into a report (context: ${GITHUB_TOKEN})."))
    var composeEnvironment = false

    /// Whether any of these options is given.
    var isSet: Bool { !envFiles.isEmpty || !composeFiles.isEmpty || composeEnvironment }

    /// The refusal for a command run without `--all`, whose build is not read from compose.
    static let needsAll =
        "--env-file, --compose-file and --compose-environment choose how --all reads compose files; add --all"

    /// The core's options; the process environment is read only under `--compose-environment`.
    var discovery: ComposeDiscoveryOptions {
        ComposeDiscoveryOptions(
            envFiles: envFiles, composeFiles: composeFiles,
            environment: composeEnvironment ? ProcessInfo.processInfo.environment : nil)
    }
}
