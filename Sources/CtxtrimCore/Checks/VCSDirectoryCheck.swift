/// `vcs-dir`: a version-control directory (`.git`, `.hg`, `.svn`, `.bzr`, ...) that would be sent.
package struct VCSDirectoryCheck: DirectoryCheck {
    static let names: Set<Substring> = [".git", ".hg", ".svn", ".bzr", "_darcs", ".jj"]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .vcsDir, title: "Version-control directory",
        summary: "A version-control directory such as `.git` would be sent with its whole history.",
        defaultSeverity: .warning,
        help: """
            `.git`, `.hg`, `.svn`, `.bzr`, `_darcs` and `.jj` hold the whole history: large, and a change to \
            any of them invalidates the build cache. Add the directory to .dockerignore; if the build needs the \
            commit id, pass it as a build argument (`--build-arg GIT_COMMIT=$(git rev-parse HEAD)`). \
            A `.git` file (a worktree or submodule pointer) is not reported.
            """,
        subjects: [.directory], fixReason: "version control", yieldsToClaimedDirectories: true,
        examples: [
            .directory(
                "`.git/` at the root", triggers: true,
                .init(path: ".git", sentFiles: 40, sentBytes: 90_000, gitClass: .vcs)),
            .directory(
                "`.svn/` in a subdirectory", triggers: true, .init(path: "legacy/.svn", sentFiles: 3, sentBytes: 300)),
            .directory("a directory named `git`", triggers: false, .init(path: "git", sentFiles: 3, sentBytes: 300)),
            .entries("a `.git` file (worktree pointer)", triggers: false, .init(path: ".git", kind: .file, size: 40)),
        ])

    package func check(_ directory: DirectoryFacts) -> Finding? {
        guard Self.names.contains(directory.name), directory.sentFiles > 0 else { return nil }
        return finding(
            about: directory,
            message: """
                \(directory.sizeDescription) is version-control data: add `\(directory.ignorePattern)` to \
                .dockerignore; pass the commit id as a build argument if the build needs it.
                """,
            suggestion: directory.ignorePattern)
    }
}
