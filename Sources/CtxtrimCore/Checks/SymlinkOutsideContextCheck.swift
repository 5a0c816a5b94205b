/// `symlink-outside-context`: a sent symlink whose target lies outside the build context.
package struct SymlinkOutsideContextCheck: EntryCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .symlinkOutsideContext, title: "Symlink leaving the context",
        summary: "A symlink that would be sent points outside the build context.",
        defaultSeverity: .warning,
        help: """
            BuildKit sends the link itself, never its target: inside the build the link dangles (an absolute \
            target resolves against the image's root, a `..` target leaves the copied tree). Resolved lexically \
            from the link's directory. Copy the target into the context, or exclude the link in .dockerignore.
            """,
        subjects: [.symlink], yieldsToClaimedDirectories: true,
        examples: [
            .entries(
                "a link to `/etc/ssl/certs`", triggers: true,
                .init(path: "certs", kind: .symlink, size: 14, linkTarget: "/etc/ssl/certs")),
            .entries(
                "`shared -> ../../lib` one level down", triggers: true,
                .init(path: "app/shared", kind: .symlink, size: 9, linkTarget: "../../lib")),
            .entries(
                "`current -> releases/v2`", triggers: false,
                .init(path: "current", kind: .symlink, size: 11, linkTarget: "releases/v2")),
            .entries(
                "`a/b/up -> ../../c`", triggers: false,
                .init(path: "a/b/up", kind: .symlink, size: 7, linkTarget: "../../c")),
            .entries("a regular file", triggers: false, .init(path: "a.txt", kind: .file, size: 7)),
        ])

    package func check(_ entry: EntryFacts) -> Finding? {
        guard entry.kind == .symlink, let target = entry.linkTarget,
            ContextPath.linkLeavesContext(linkPath: entry.path, target: target)
        else { return nil }
        return finding(
            about: entry,
            message: """
                `\(entry.path)` links to `\(target)`, outside the context: the builder gets a dangling link. Copy \
                the target into the context or add `\(entry.path)` to .dockerignore.
                """,
            bytes: entry.size, files: 0)
    }
}
