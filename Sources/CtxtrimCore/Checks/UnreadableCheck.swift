/// `unreadable`: an entry BuildKit would have to read but cannot; the build would fail when sending the context.
package struct UnreadableCheck: Check {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .unreadable, title: "Unreadable entry",
        summary: "An entry that would be sent cannot be read, so sending the context fails.",
        defaultSeverity: .error,
        help: """
            Fed from the walker's diagnostics (permission denied, I/O error, vanished mid-walk). `docker build` \
            stops with an error when it cannot read a file of the context. Fix the permissions (`chmod a+rX`) \
            or exclude the entry in .dockerignore.
            """,
        subjects: [.file, .directory, .symlink, .special], fixReason: "unreadable entries",
        yieldsToClaimedDirectories: false,
        examples: [
            CheckExample(
                "a file that cannot be opened", triggers: true,
                events: [
                    .unreadable(
                        .init(path: "data/dump.sql", reason: "open: Permission denied (EACCES)", kind: .file))
                ]),
            .entries("a readable file", triggers: false, .init(path: "data/dump.sql", kind: .file, size: 10)),
        ])

    /// The finding for an entry the walker could not read.
    package func check(_ entry: UnreadableEntry) -> Finding {
        finding(
            .entry(entry.path, kind: entry.kind),
            message: """
                `\(entry.path)` cannot be read (\(entry.reason)) and would make `docker build` fail: fix its \
                permissions (`chmod a+rX`) or add `\(entry.path)` to .dockerignore.
                """,
            bytes: 0, files: 0)
    }
}
