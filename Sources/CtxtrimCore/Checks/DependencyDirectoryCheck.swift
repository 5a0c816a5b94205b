/// `dependency-dir`: installed third-party dependencies (`node_modules`, virtualenvs, caches) that would be sent.
package struct DependencyDirectoryCheck: DirectoryCheck {
    static let names: Set<Substring> = [
        "node_modules", "bower_components", "jspm_packages", ".pnpm-store", ".venv", "venv", "__pypackages__", ".tox",
        ".nox", ".gradle", ".m2", ".bundle", "Pods", "Carthage", ".terraform", ".stack-work", "elm-stuff",
        ".dart_tool", ".pub-cache", ".npm", ".yarn-cache",
    ]
    /// Matched on the last two components: the parent name alone is too generic.
    static let pathSuffixes: Set<String> = ["vendor/bundle", ".yarn/cache", ".yarn/unplugged", ".cargo/registry"]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .dependencyDir, title: "Dependency directory",
        summary: "Installed dependencies would be sent instead of being installed by the build.",
        defaultSeverity: .warning,
        help: """
            Installed dependencies are large, platform-specific and invalidate the build cache; the Dockerfile \
            should install them from the manifest and lock file. Matched by name: `node_modules`, \
            `bower_components`, `jspm_packages`, `.pnpm-store`, `.venv`, `venv`, `__pypackages__`, `.tox`, \
            `.nox`, `.gradle`, `.m2`, `.bundle`, `Pods`, `Carthage`, `.terraform`, `.stack-work`, `elm-stuff`, \
            `.dart_tool`, `.pub-cache`, `.npm`, `.yarn-cache`, and `vendor/bundle`, `.yarn/cache`, \
            `.yarn/unplugged`, `.cargo/registry`. A bare `vendor/` is reported only when git ignores it (Go \
            and PHP projects often commit it). A directory in which git tracks any file is not reported: \
            committed dependencies (Yarn zero-installs, vendored Go modules) are the project's choice.
            """,
        subjects: [.directory], fixReason: "dependencies", yieldsToClaimedDirectories: true,
        examples: [
            .directory(
                "`node_modules/`", triggers: true, .init(path: "node_modules", sentFiles: 900, sentBytes: 9_000_000)),
            .directory(
                "`.venv/` in a service", triggers: true, .init(path: "svc/api/.venv", sentFiles: 50, sentBytes: 5_000)),
            .directory("`vendor/bundle/`", triggers: true, .init(path: "vendor/bundle", sentFiles: 5, sentBytes: 500)),
            .directory(
                "a git-ignored `vendor/`", triggers: true,
                .init(path: "vendor", sentFiles: 5, sentBytes: 500, gitClass: .ignored)),
            .directory(
                "an untracked `vendor/`", triggers: false,
                .init(path: "vendor", sentFiles: 5, sentBytes: 500, gitClass: .untracked)),
            .directory(
                "a committed `.yarn/cache/`", triggers: false,
                .init(path: ".yarn/cache", sentFiles: 5, sentBytes: 500, gitClass: .tracked, tracksAnything: true)),
            .directory(
                "an empty `node_modules/`", triggers: false, .init(path: "node_modules", sentFiles: 0, sentBytes: 0)),
            .directory("`src/modules/`", triggers: false, .init(path: "src/modules", sentFiles: 5, sentBytes: 500)),
        ])

    package func check(_ directory: DirectoryFacts) -> Finding? {
        guard directory.sentFiles > 0, !directory.tracksAnything, isDependencyDirectory(directory) else { return nil }
        return finding(
            about: directory,
            message: """
                \(directory.sizeDescription) holds installed dependencies: add `\(directory.ignorePattern)` to \
                .dockerignore and install them in the Dockerfile from the lock file.
                """,
            suggestion: directory.ignorePattern)
    }

    private func isDependencyDirectory(_ directory: DirectoryFacts) -> Bool {
        if Self.names.contains(directory.name) { return true }
        if directory.name == "vendor" { return directory.gitClass == .ignored }
        let parentName = ContextPath.name(of: String(ContextPath.parent(of: directory.path)))
        return Self.pathSuffixes.contains("\(parentName)/\(directory.name)")
    }
}
