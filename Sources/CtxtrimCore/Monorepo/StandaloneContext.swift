import DockerfileReader

/// Which directory a Dockerfile that no compose file names is built from: its own, unless its literal `COPY`/`ADD`
/// sources are not all there but are all found from an ancestor (typically the repository root, as in
/// `docker build -f src/x/Dockerfile .`); then the nearest such ancestor.
enum StandaloneContext {
    /// The context relative to the root, and why it is not the Dockerfile's directory (nil when it is).
    static func infer(dockerfile: String, root: String) -> (context: String, reason: String?) {
        let own = BuildDiscovery.directory(of: dockerfile)
        guard let sources = literalSources(dockerfile: dockerfile, root: root), !sources.isEmpty,
            !allExist(sources, in: own, root: root)
        else { return (own, nil) }
        var candidate = own
        while candidate != "." {
            candidate = BuildDiscovery.directory(of: candidate)
            if allExist(sources, in: candidate, root: root) {
                let shown = candidate == "." ? "the repository root" : "`\(candidate)`"
                return (
                    candidate,
                    "its COPY sources (\(sources.prefix(3).map { "`\($0)`" }.joined(separator: ", "))) are found from "
                        + "\(shown), not from its own directory"
                )
            }
        }
        return (own, nil)
    }

    /// The literal context sources of the last stage's build: nil when the Dockerfile cannot be read or parsed (the
    /// scan reports that), empty when it reads only the whole context or wildcards.
    private static func literalSources(dockerfile: String, root: String) -> [String]? {
        let path = BuildContext.joined(root, dockerfile)
        guard let bytes = try? InputFile.read(path, kind: .dockerfile, origin: .tree(root: root)),
            let parsed = try? Dockerfile.parse(String(decoding: bytes, as: UTF8.self), path: dockerfile),
            let usage = try? parsed.contextUsage(target: nil)
        else { return nil }
        let literal = usage.sources.filter {
            !$0.referencesEverything && !$0.isWildcard && $0.unresolvedVariables.isEmpty
        }
        return Array(Set(literal.map(\.pattern))).sorted()
    }

    /// Whether every source may exist below `directory`, looked up one component at a time without following a
    /// link (a link or unreadable directory on the way counts as present: the context then stays where it was).
    private static func allExist(_ sources: [String], in directory: String, root: String) -> Bool {
        let base = directory == "." ? root : BuildContext.joined(root, directory)
        return sources.allSatisfy { ContextLookup.lstat($0, under: base) != .absent }
    }
}
