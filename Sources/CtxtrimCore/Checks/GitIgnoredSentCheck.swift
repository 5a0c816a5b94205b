import ContextWalker

/// `git-ignored-sent`: files git ignores that would still be sent, summed per top-level directory of the context.
///
/// An aggregator: fed one file at a time, it keeps a tally per parent directory (so memory follows the number of
/// directories, not files) and produces its findings at the end, skipping directories other checks claimed.
package struct GitIgnoredSentCheck: Check {
    private struct Tally: Sendable {
        var files = 0
        var bytes: Int64 = 0
    }

    /// Tallies of files below the root, keyed by their parent directory.
    private var directoryTallies: [String: Tally] = [:]
    /// Ignored files at the context root, each reported on its own.
    private var rootFiles: [String: Int64] = [:]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .gitIgnoredSent, title: "Git-ignored files sent",
        summary: "Files that git ignores would be sent, usually local artefacts nobody meant to ship.",
        defaultSeverity: .warning,
        help: """
            What git ignores is local: caches, generated files, personal config. A fresh clone would not have \
            them, so a build that needs them is not reproducible. Reported once per top-level directory (or \
            root file) with file and byte counts; directories already reported by `vcs-dir`, \
            `dependency-dir`, `build-output`, `editor-junk` or `log-file` and files with a finding of their own \
            are not counted again. Add the path to .dockerignore, or reuse the .gitignore rules there.
            """,
        subjects: [.directory, .file], yieldsToClaimedDirectories: true,
        examples: [
            .entries(
                "two ignored files under `tmp/`", triggers: true,
                .init(path: "tmp/a.bin", kind: .file, size: 10, gitClass: .ignored),
                .init(path: "tmp/x/b.bin", kind: .file, size: 20, gitClass: .ignored)),
            .entries(
                "an ignored root file", triggers: true,
                .init(path: "scratch.txt", kind: .file, size: 10, gitClass: .ignored)),
            .entries(
                "a tracked file", triggers: false, .init(path: "src/main.c", kind: .file, size: 10, gitClass: .tracked)),
            .entries(
                "an untracked file", triggers: false, .init(path: "new.c", kind: .file, size: 10, gitClass: .untracked)),
            .entries(
                "an ignored symlink (only files are counted)", triggers: false,
                .init(path: "tmp/link", kind: .symlink, size: 4, gitClass: .ignored, linkTarget: "a.txt")),
        ])

    /// Counts `entry` when it is a git-ignored regular file.
    package mutating func add(_ entry: EntryFacts) {
        guard entry.kind == .file, entry.gitClass == .ignored else { return }
        let parent = ContextPath.parent(of: entry.path)
        if parent.isEmpty {
            rootFiles[entry.path] = entry.size
        } else {
            directoryTallies[String(parent), default: Tally()].files += 1
            directoryTallies[String(parent), default: Tally()].bytes.saturatingAdd(entry.size)
        }
    }

    /// One finding per top-level directory and per root file, leaving out tallies inside `claimed` directories.
    /// Adds another walker thread's tallies.
    package mutating func merge(_ other: GitIgnoredSentCheck) {
        for (directory, tally) in other.directoryTallies {
            directoryTallies[directory, default: Tally()].files += tally.files
            directoryTallies[directory, default: Tally()].bytes.saturatingAdd(tally.bytes)
        }
        rootFiles.merge(other.rootFiles) { mine, _ in mine }
    }

    package func findings(excluding claimed: ClaimedDirectories) -> [Finding] {
        var groups: [Substring: Tally] = [:]
        for (parent, tally) in directoryTallies where !claimed.covers(parent) {
            groups[ContextPath.topLevel(of: parent), default: Tally()].files += tally.files
            groups[ContextPath.topLevel(of: parent), default: Tally()].bytes.saturatingAdd(tally.bytes)
        }
        let directoryFindings = groups.map { top, tally in
            finding(
                .directory(String(top)),
                message: """
                    `\(top)/` holds \(tally.files) git-ignored \(tally.files == 1 ? "file" : "files") \
                    (\(ByteCount.format(tally.bytes))) that would be sent: add `\(top)` to .dockerignore unless \
                    the build needs them.
                    """,
                bytes: tally.bytes, files: tally.files)
        }
        let fileFindings = rootFiles.map { path, size in
            finding(
                .file(path),
                message: """
                    `\(path)` is git-ignored (\(ByteCount.format(size))) but would be sent: add `\(path)` to \
                    .dockerignore unless the build needs it.
                    """,
                bytes: size)
        }
        return FindingOrder.sorted(directoryFindings + fileFindings)
    }
}
