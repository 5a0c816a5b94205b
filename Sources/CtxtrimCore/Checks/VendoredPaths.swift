/// Directories holding other people's code or version-control data, where secret checks do not look: their test keys
/// and sample tokens are not the project's secrets, and `dependency-dir`/`vcs-dir` already report the directory.
package enum VendoredPaths {
    static let directoryNames: Set<Substring> = [
        "node_modules", "vendor", ".venv", "venv", "site-packages", "bower_components", "jspm_packages", ".git", ".hg",
        ".svn", ".bzr", ".tox", ".pnpm-store",
    ]

    /// Whether `path` lies inside a vendored-dependency or version-control directory.
    package static func contains(_ path: String) -> Bool {
        ContextPath.hasDirectoryComponent(path, in: directoryNames)
    }
}
