/// One build of a repository: a context directory and the Dockerfile built from it, as compose, bake or the
/// Dockerfile's own place declares it.
package struct DiscoveredBuild: Sendable, Hashable {
    /// What reports call the build, unique in a discovery: the compose service, `bake:target`, else the Dockerfile's
    /// path (with `:target` when one Dockerfile is built for several targets).
    package var name: String
    /// The context directory relative to the repository root (`.` for the root itself).
    package var context: String
    /// The Dockerfile relative to the repository root (absolute when a compose file names one outside it).
    package var dockerfile: String
    /// The compose service that declares the build; nil for a Dockerfile found on its own.
    package var service: String?
    /// The compose file that declares the build (the last `build:` key merged into it: an override's, an
    /// included or extended file's), relative to the repository root.
    package var composeFile: String?
    /// The line of that `build:` key.
    package var composeLine: Int?
    /// Variables the build's compose fields name that have no value (compose substitutes an empty string and warns),
    /// sorted.
    package var unsetVariables: [String] = []
    /// The bake file and target that declare the build.
    package var bakeFile: String?
    package var bakeTarget: String?
    /// The stage to build (`build.target`); nil for the last one.
    package var target: String?
    /// Build arguments the declaration sets (compose `build.args`, bake `args`); `--build-arg` values win.
    package var buildArgs: [String: String] = [:]
    /// Local named contexts (compose `additional_contexts`, bake `contexts`): name → directory relative to the
    /// repository root. Image, `service:`/`target:` and remote references are not local and are left out.
    package var namedContexts: [String: String] = [:]
    /// The Dockerfile's text when the declaration writes it inline (compose `dockerfile_inline`, bake
    /// `dockerfile-inline`); `dockerfile` then names the declaring file.
    package var inlineDockerfile: String?
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
