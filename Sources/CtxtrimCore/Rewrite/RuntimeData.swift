/// Directories that usually hold files a compiled program reads at run time; only the binary reaches its runtime
/// stage, so their presence (unless the sources embed files) stops a Go or Rust rewrite.
enum RuntimeData {
    static let names: Set<String> = [
        "templates", "static", "public", "assets", "web", "migrations", "config", "configs", "views", "locales",
        "i18n", "www",
    ]

    /// The top-level directories of `project` named like runtime data that hold no `sourceSuffix` file.
    static func directories(in project: RewriteProject, sourceSuffix: String) -> [String] {
        project.topLevelDirectories.filter { directory in
            names.contains(directory.lowercased())
                && !project.files.contains { $0.hasPrefix(directory + "/") && $0.hasSuffix(sourceSuffix) }
        }.sorted()
    }

    /// Refuses when such directories exist and `embeds` is false.
    static func check(_ project: RewriteProject, sourceSuffix: String, embeds: Bool) throws(RewriteStop) {
        let found = directories(in: project, sourceSuffix: sourceSuffix)
        guard !found.isEmpty, !embeds else { return }
        throw RewriteStop(
            .artifact,
            """
            the context has \(found.map { "`\($0)/`" }.joined(separator: ", ")), which the program may read at run \
            time, and only the binary is copied into the runtime stage: ctxtrim cannot tell which files it needs
            """)
    }
}
