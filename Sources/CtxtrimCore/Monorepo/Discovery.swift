/// What `--all` found in a repository: the builds, the declaration files it read to find them, and the files it
/// left out and why.
package struct Discovery: Sendable {
    /// A Dockerfile, compose or bake file that discovery did not take builds from.
    package struct SkippedFile: Sendable, Equatable {
        /// Relative to the repository root.
        package var path: String
        package var skip: DiscoveryExclusion.Skip
    }

    /// A compose file found but not read, as compose would not read it (a second primary file, files a
    /// `COMPOSE_FILE` or `--compose-file` project replaces).
    package struct UnreadFile: Sendable, Equatable {
        package var path: String
        package var reason: String
    }

    /// Sorted by context, then Dockerfile, then name; names are unique (``BuildNames``).
    package var builds: [DiscoveredBuild]
    /// Compose and bake files read, relative to the repository root, sorted.
    package var filesRead: [String]
    /// Sorted by path.
    package var skipped: [SkippedFile]
    /// Compose files not read, in discovery order.
    package var unread: [UnreadFile] = []
    /// The config file whose `discovery` section applied, as messages name it; nil for the defaults.
    package var configSource: String?

    package init(
        builds: [DiscoveredBuild], filesRead: [String] = [], skipped: [SkippedFile] = [], configSource: String? = nil
    ) {
        self.builds = builds
        self.filesRead = filesRead
        self.skipped = skipped
        self.configSource = configSource
    }
}
