import GitClassifier

/// `untracked-bulk`: what git does not track outweighs the tracked sources among the files the build transfers.
///
/// An aggregator: `CheckRun` feeds it every sent regular file BuildKit transfers, below directories whose entries
/// skip the other checks (`node_modules/`) too, and it keeps two sums and one tally per top-level entry (memory
/// follows the top-level entries, not the files). One summary finding at the end, only in a git repository.
package struct UntrackedBulkCheck: Check {
    /// Less than this of untracked and git-ignored bytes is never reported: a new small file in a tiny context is no
    /// bulk.
    package static let minimumBytes: Int64 = 1024 * 1024
    /// Contributors the message names.
    static let contributorsShown = 3

    private struct Tally: Sendable {
        var files = 0
        var bytes: Int64 = 0
        var isDirectory = false

        mutating func add(files: Int, bytes: Int64, isDirectory: Bool = false) {
            self.files += files
            self.bytes.saturatingAdd(bytes)
            self.isDirectory = self.isDirectory || isDirectory
        }
    }

    private var inRepository = false
    private var tracked = Tally()
    private var local = Tally()
    /// Untracked and git-ignored bytes per top-level entry of the context (a root file, or a top-level directory).
    private var contributors: [Substring: Tally] = [:]

    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .untrackedBulk, title: "Untracked bulk",
        summary: "Untracked and git-ignored files outweigh the tracked files among what the build transfers.",
        defaultSeverity: .warning,
        help: """
            Sums the regular files the build would transfer (sent by the ignore file and, when the Dockerfile \
            names explicit sources, read by them) by git class. When untracked and git-ignored files weigh more \
            than the tracked ones (and at least 1 MiB), one finding for the context gives both figures and the \
            three largest contributors (top-level entries). Not reported when the build reads no tracked file at \
            all: nothing is committed yet, so there is nothing to weigh against. A fresh clone would not have these files, so the \
            image depends on one machine's leftovers, and the upload is mostly bytes nobody committed. Only in a \
            git repository. It counts every local file, those that other findings name one by one (`large-file`, \
            `dependency-dir`, `git-ignored-sent`, ...) included: the message says how many bytes `large-file` \
            already reports; fixing those findings makes this one go away. Exclude the contributors in \
            .dockerignore, or fetch what the image needs during the build.
            """,
        subjects: [.context],
        examples: [
            .entries(
                "a 200 MiB untracked dump beside 3 MiB of tracked sources", triggers: true,
                .init(path: "src/app.py", kind: .file, size: 3 << 20, gitClass: .tracked),
                .init(path: "dump.sql", kind: .file, size: 200 << 20, gitClass: .untracked)),
            .entries(
                "git-ignored `node_modules/` heavier than the tracked sources", triggers: true,
                .init(path: "index.js", kind: .file, size: 40_000, gitClass: .tracked),
                .init(path: "node_modules/react/index.js", kind: .file, size: 2 << 20, gitClass: .ignored)),
            .entries(
                "tracked sources heavier than an untracked file", triggers: false,
                .init(path: "src/app.py", kind: .file, size: 30 << 20, gitClass: .tracked),
                .init(path: "notes.txt", kind: .file, size: 2 << 20, gitClass: .untracked)),
            .entries(
                "less than 1 MiB untracked", triggers: false,
                .init(path: "main.go", kind: .file, size: 2_000, gitClass: .tracked),
                .init(path: "scratch.go", kind: .file, size: 500_000, gitClass: .untracked)),
            .entries(
                "nothing committed yet", triggers: false,
                .init(path: "Dockerfile", kind: .file, size: 40, gitClass: .untracked),
                .init(path: "app.jar", kind: .file, size: 30 << 20, gitClass: .untracked)),
            .entries(
                "no git repository", triggers: false,
                .init(path: "dump.sql", kind: .file, size: 200 << 20)),
            .entries(
                "an untracked dump no Dockerfile source reads", triggers: false,
                .init(path: "src/app.py", kind: .file, size: 3 << 20, gitClass: .tracked),
                .init(path: "dump.sql", kind: .file, size: 200 << 20, gitClass: .untracked, transferred: false)),
        ])

    /// Counts one sent regular file the build transfers, at `path` (context-relative) with `size` bytes.
    package mutating func add(path: String, size: Int64, gitClass: GitClass?) {
        guard let gitClass else { return }
        inRepository = true
        switch gitClass {
        case .tracked:
            tracked.add(files: 1, bytes: size)
        case .untracked, .ignored:
            local.add(files: 1, bytes: size)
            let top = ContextPath.topLevel(of: path)
            // One hash lookup per file: the subscript's default yields the tally in place.
            contributors[top, default: Tally()].add(files: 1, bytes: size, isDirectory: top.endIndex != path.endIndex)
        case .vcs:
            break
        }
    }

    /// Adds another walker thread's sums.
    package mutating func merge(_ other: UntrackedBulkCheck) {
        inRepository = inRepository || other.inRepository
        tracked.add(files: other.tracked.files, bytes: other.tracked.bytes)
        local.add(files: other.local.files, bytes: other.local.bytes)
        for (top, tally) in other.contributors {
            contributors[top, default: Tally()].add(
                files: tally.files, bytes: tally.bytes, isDirectory: tally.isDirectory)
        }
    }

    /// The summary finding, or none. `largeFiles` are the run's `large-file` findings, so the message can say how
    /// much of the bulk they already name.
    package func findings(largeFiles: [Finding]) -> [Finding] {
        // Without a tracked file there is nothing to weigh against: nothing is committed yet (or the index is empty).
        guard inRepository, tracked.files > 0, local.bytes >= Self.minimumBytes, local.bytes > tracked.bytes else {
            return []
        }
        let top = contributors.sorted {
            $0.value.bytes != $1.value.bytes ? $0.value.bytes > $1.value.bytes : $0.key < $1.key
        }.prefix(Self.contributorsShown)
        let named = top.map { key, tally in
            "`\(key)\(tally.isDirectory ? "/" : "")` \(ByteCount.format(tally.bytes))"
        }
        var message = """
            Untracked and git-ignored files make up \(ByteCount.format(local.bytes)) (\(local.files) \
            \(local.files == 1 ? "file" : "files")) of what the build transfers, against \
            \(ByteCount.format(tracked.bytes)) of tracked files; largest: \(named.joined(separator: ", ")).
            """
        if !largeFiles.isEmpty {
            message += """
                 \(largeFiles.count) of them (\(ByteCount.format(largeFiles.saturatingSum(\.bytes)))) \
                \(largeFiles.count == 1 ? "is" : "are") reported as large-file.
                """
        }
        message += " Exclude what the image does not need in .dockerignore, or fetch it during the build."
        return [finding(.context, message: message, bytes: local.bytes, files: local.files)]
    }
}
