import ArgumentParser
import CtxtrimCore

/// The options every command shares: which context, Dockerfile and ignore file, as `docker build` takes them.
struct ContextOptions: ParsableArguments {
    @Argument(help: "The build context directory, as passed to docker build.")
    var context: String = "."

    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: "The Dockerfile (default: CONTEXT/Dockerfile). Its <name>.dockerignore replaces CONTEXT/.dockerignore.")
    var dockerfile: String?

    @Option(name: .customLong("ignore-file"), help: "Use this ignore file instead of the one BuildKit would choose.")
    var ignoreFile: String?

    /// Resolves the context the way docker build does.
    func resolve() throws -> BuildContext {
        try BuildContext.resolve(context: context, dockerfile: dockerfile, ignoreFileOverride: ignoreFile)
    }
}
