import ArgumentParser

/// ctxtrim as a Docker CLI plugin: installed as `docker-ctxtrim` in `~/.docker/cli-plugins`, it runs as
/// `docker ctxtrim scan`. Docker calls the binary with `docker-cli-plugin-metadata` to list it, and with the plugin
/// name as the first argument to run it.
public enum DockerPlugin {
    /// The executable name Docker looks for.
    public static let executableName = "docker-ctxtrim"

    /// The metadata Docker reads from `docker-ctxtrim docker-cli-plugin-metadata`.
    static var metadata: String {
        """
        {"SchemaVersion":"0.1.0","Vendor":"ctxtrim","Version":"\(CtxtrimCommand.version)",\
        "ShortDescription":"Make build contexts small and safe"}
        """
    }

    /// Runs ctxtrim for the process arguments `arguments` (including the executable path), as a plugin when the
    /// executable is named `docker-ctxtrim`. Never returns.
    public static func main(_ arguments: [String]) -> Never {
        let executable = arguments.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? ""
        var rest = Array(arguments.dropFirst())
        if executable == executableName {
            if rest.first == "docker-cli-plugin-metadata" {
                Console.standardOutput.line(metadata)
                Console.standardOutput.flush()
                CtxtrimCommand.exit()
            }
            if rest.first == "ctxtrim" { rest.removeFirst() }
        }
        CtxtrimCommand.main(rest)
        CtxtrimCommand.exit()
    }
}
