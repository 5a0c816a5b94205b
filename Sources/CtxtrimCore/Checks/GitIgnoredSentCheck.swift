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
        var groups: [Substring: (total: Tally, parents: [(path: String, tally: Tally)])] = [:]
        for (parent, tally) in directoryTallies where !claimed.covers(parent) {
            let top = ContextPath.topLevel(of: parent)
            groups[top, default: (Tally(), [])].total.files += tally.files
            groups[top, default: (Tally(), [])].total.bytes.saturatingAdd(tally.bytes)
            groups[top, default: (Tally(), [])].parents.append((parent, tally))
        }
        let directoryFindings = groups.map { top, group in
            let tally = group.total
            return finding(
                .directory(String(top)),
                message: """
                    `\(top)/` holds \(tally.files) git-ignored \(tally.files == 1 ? "file" : "files") \
                    (\(ByteCount.format(tally.bytes))) that would be sent\(Self.advice(top: top, parents: group.parents))
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

    /// What to exclude: the top-level directory when its ignored files lie directly in it, else the directories
    /// that hold most of them. `src/` is no candidate when only `src/api/.venv/` is ignored: its sources are
    /// what the build copies.
    private static func advice(top: Substring, parents: [(path: String, tally: Tally)]) -> String {
        if parents.count == 1, parents[0].path == top {
            return ": add `\(top)` to .dockerignore unless the build needs them."
        }
        let largest = parents.sorted {
            $0.tally.bytes != $1.tally.bytes ? $0.tally.bytes > $1.tally.bytes : $0.path < $1.path
        }
        let named = largest.prefix(2).map { "`\($0.path)/` (\(ByteCount.format($0.tally.bytes)))" }
        let list =
            largest.count > 2
            ? named.joined(separator: ", ") + " and \(largest.count - 2) more" : named.joined(separator: " and ")
        return """
            , most in \(list): exclude those in .dockerignore (the .gitignore \
            rules that ignore them say how) unless the build needs them.
            """
    }
}
