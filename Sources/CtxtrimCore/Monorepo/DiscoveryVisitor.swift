import ContextWalker
import UntrustedText

/// Collects the Dockerfiles, compose files and bake files the discovery walk meets.
struct DiscoveryVisitor: WalkVisitor {
    /// Paths relative to the walk root.
    var dockerfiles: [String] = []
    var composeFiles: [String] = []
    /// Files named as bake reads them by default (``BakeBuilds/fileNames``).
    var bakeFiles: [String] = []

    mutating func visit(_ entry: WalkEntry, state: Void) {
        guard entry.disposition == .sent, entry.kind == .file || entry.kind == .symlink else { return }
        let name = LosslessUTF8.decode(entry.name)
        if Self.isDockerfile(name) {
            dockerfiles.append(entry.pathString)
        } else if ComposeFile.isComposeName(name) {
            composeFiles.append(entry.pathString)
        } else if BakeBuilds.fileNames.contains(name) {
            bakeFiles.append(entry.pathString)
        }
    }

    /// Nothing is kept per directory.
    mutating func directoryFinished(_ summary: DirectorySummary, state: Void) {}

    /// Unreadable directories hold no build anyone can run; the walk goes on without them.
    mutating func diagnostic(_ diagnostic: WalkDiagnostic) {}

    mutating func merge(_ other: consuming DiscoveryVisitor) {
        dockerfiles += other.dockerfiles
        composeFiles += other.composeFiles
        bakeFiles += other.bakeFiles
    }

    /// `Dockerfile`, `*.Dockerfile` or `Dockerfile.*`, but not an ignore file such as `Dockerfile.dockerignore`.
    static func isDockerfile(_ name: String) -> Bool {
        if name.hasSuffix(".dockerignore") { return false }
        return name == "Dockerfile" || name.hasSuffix(".Dockerfile") || name.hasPrefix("Dockerfile.")
    }
}
