/// One build of a repository: a context directory and the Dockerfile built from it.
package struct DiscoveredBuild: Sendable, Hashable {
    /// What reports call the build: the compose service name, else the Dockerfile's path.
    package var name: String
    /// The context directory relative to the repository root (`.` for the root itself).
    package var context: String
    /// The Dockerfile relative to the repository root (absolute when a compose file names one outside it).
    package var dockerfile: String
    /// The compose service that declares the build; nil for a Dockerfile found on its own.
    package var service: String?
    /// The compose file that declares the build, relative to the repository root.
    package var composeFile: String?
    /// The stage to build (`build.target`); nil for the last one.
    package var target: String?
    /// Why a Dockerfile found on its own is built from an ancestor of its directory (``StandaloneContext``).
    package var contextReason: String?

    package init(
        name: String, context: String, dockerfile: String, service: String? = nil, composeFile: String? = nil,
        target: String? = nil
    ) {
        self.name = name
        self.context = context
        self.dockerfile = dockerfile
        self.service = service
        self.composeFile = composeFile
        self.target = target
    }
}
