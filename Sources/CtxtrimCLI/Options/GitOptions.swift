import ArgumentParser
import CtxtrimCore

/// Whether and how long the commands that classify files with git may use it.
struct GitOptions: ParsableArguments {
    /// The longest `--git-timeout` accepted, in seconds: one day.
    static let maxTimeout = 86_400.0

    @Flag(name: .customLong("no-git"), help: "Do not classify files with git.")
    var noGit = false

    @Option(
        name: .customLong("git-timeout"),
        help: ArgumentHelp(
            "Seconds git status may take before the scan goes on without git classes, with a warning (0: no limit; at "
                + "most 86400).", valueName: "seconds"))
    var gitTimeout: Double = Double(ContextScanner.Options.defaultGitTimeout.components.seconds)

    func validate() throws {
        guard gitTimeout.isFinite, gitTimeout >= 0, gitTimeout <= Self.maxTimeout else {
            throw ValidationError("--git-timeout must be from 0 (no limit) to \(Int(Self.maxTimeout)) seconds")
        }
    }

    /// The budget for `ContextScanner.Options.gitTimeout`: nil for no limit.
    var timeout: Duration? {
        gitTimeout == 0 ? nil : .nanoseconds(Int64((gitTimeout * 1e9).rounded()))
    }
}
