import ArgumentParser
import CtxtrimCore

/// `--build-context NAME=VALUE`, as `docker buildx build` takes it.
struct BuildContextOptions: ParsableArguments {
    @Option(
        name: .customLong("build-context"),
        help: ArgumentHelp(
            "NAME=DIR (read with DIR/.dockerignore) or NAME=docker-image://…, target:…, oci-layout://…, a URL "
                + "(reported, not walked); repeatable.",
            valueName: "name=value"))
    var values: [String] = []

    /// The named contexts; throws `NamedContextError` (exit status 2) for bad syntax or a name given twice.
    func parsed() throws -> [NamedBuildContext] {
        try NamedBuildContext.parseAll(values)
    }
}
