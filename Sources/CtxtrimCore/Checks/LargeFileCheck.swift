/// `large-file`: a big file git does not track that the build would transfer, named by its kind (an archive, a
/// database dump, model weights, a core dump, a disk image, media).
///
/// Run by `CheckRun` only on a file no other entry check flagged, so a 50 MiB `server.log` stays a `log-file`
/// finding. The size is compared first: every other test runs on the few files above the threshold.
package struct LargeFileCheck: EntryCheck {
    /// The threshold when `.ctxtrim.yml` sets none: 10 MiB.
    package static let defaultThreshold: Int64 = 10 * 1024 * 1024

    /// Files of at least this many bytes are reported.
    package let threshold: Int64

    package init(threshold: Int64 = LargeFileCheck.defaultThreshold) {
        self.threshold = threshold
    }

    package static let descriptor = CheckDescriptor(
        id: .largeFile, title: "Large local file",
        summary: "A large file git does not track (a dump, an archive, model weights, ...) would be transferred.",
        defaultSeverity: .warning,
        help: """
            A file of at least `large-file-threshold` (`.ctxtrim.yml`, 10 MiB by default) that is untracked or \
            git-ignored, or any such file when the context is in no git repository, and that the build would \
            transfer: let through by the ignore file and, when the Dockerfile names explicit sources, read by \
            one of them. Files git tracks are not reported: the project committed them. The message names the \
            kind: archive (`.zip`, `.tar`, `.tar.gz`, `.tgz`, `.7z`, `.rar`, ...), database dump (`.sql`, \
            `.dump`, `.sqlite`, `.db`, `.bak`, ...), model weights (`.safetensors`, `.ckpt`, `.pt`, `.pth`, \
            `.onnx`, `.gguf`, `.h5`, and `.bin`, `.pb`, `.pkl` below a model-ish directory or name), core dump \
            (`core`, `core.<pid>`, `*.core`), disk image (`.iso`, `.img`, `.qcow2`, `.vmdk`, `.vdi`, `.dmg`), \
            media (`.mp4`, `.mov`, `.mkv`, `.avi`, `.wav`, `.psd`, ...), else large file. A file another check \
            reports (a log, a secret) or inside a directory reported as a whole (`node_modules/`, `dist/`) is \
            left to that finding. `untracked-bulk` sums every local file the build transfers, these included. \
            Add the path to .dockerignore (`ctxtrim fix` does), or fetch the file during the build instead of \
            keeping it in the context.
            """,
        subjects: [.file], fixReason: "bulk", yieldsToClaimedDirectories: true,
        examples: [
            .entries(
                "an untracked 40 MiB `backup.sql`", triggers: true,
                .init(path: "backup.sql", kind: .file, size: 40 << 20, gitClass: .untracked)),
            .entries(
                "git-ignored `models/llama.gguf`", triggers: true,
                .init(path: "models/llama.gguf", kind: .file, size: 900 << 20, gitClass: .ignored)),
            .entries(
                "a 12 MiB `core.4242` outside git", triggers: true,
                .init(path: "core.4242", kind: .file, size: 12 << 20)),
            .entries(
                "a committed 30 MiB `assets/intro.mp4`", triggers: false,
                .init(path: "assets/intro.mp4", kind: .file, size: 30 << 20, gitClass: .tracked)),
            .entries(
                "an untracked 2 MiB `data.zip` (below the threshold)", triggers: false,
                .init(path: "data.zip", kind: .file, size: 2 << 20, gitClass: .untracked)),
            .entries(
                "an untracked 50 MiB `dump.sql` no Dockerfile source reads", triggers: false,
                .init(path: "dump.sql", kind: .file, size: 50 << 20, gitClass: .untracked, transferred: false)),
        ])

    package func check(_ entry: EntryFacts) -> Finding? {
        guard entry.size >= threshold, entry.kind == .file, entry.transferred else { return nil }
        switch entry.gitClass {
        case .tracked, .vcs: return nil
        case .untracked, .ignored, nil: break
        }
        let kind = Self.kind(of: entry.path)
        let local: String
        switch entry.gitClass {
        case .ignored: local = "git-ignored"
        case .untracked: local = "untracked"
        default: local = "not in git"
        }
        let pattern = FixPlanner.patternText(entry.path) ?? entry.path
        return finding(
            about: entry,
            message: """
                `\(entry.path)` is \(kind.article) \(kind.rawValue) (\(ByteCount.format(entry.size)), \(local)) \
                that the build would transfer: add `\(pattern)` to .dockerignore, or fetch it during the build \
                if the image needs it.
                """,
            bytes: entry.size)
    }

    /// What a large file is, from its name and the directories above it.
    package enum Kind: String, Sendable, CaseIterable {
        case archive
        case databaseDump = "database dump"
        case modelWeights = "model weights file"
        case coreDump = "core dump"
        case diskImage = "disk image"
        case media = "media file"
        case other = "large file"

        /// `a` or `an`, as the name reads.
        var article: String { self == .archive ? "an" : "a" }
    }

    static let archiveExtensions: Set<Substring> = [
        "zip", "tar", "tgz", "tbz", "tbz2", "txz", "tzst", "7z", "rar", "gz", "bz2", "xz", "zst", "lz4", "lzma",
        "cab", "cpio",
    ]
    static let dumpExtensions: Set<Substring> = [
        "sql", "dump", "pgdump", "sqlite", "sqlite3", "db", "db3", "bak", "mdb", "accdb", "bson", "rdb", "frm", "ibd",
    ]
    static let weightExtensions: Set<Substring> = [
        "safetensors", "ckpt", "pt", "pth", "onnx", "gguf", "ggml", "h5", "hdf5", "keras", "tflite", "mlmodel",
        "caffemodel", "npz",
    ]
    /// Extensions that are weights only in a model-ish place (`models/`, `pytorch_model.bin`).
    static let weightExtensionsInModelPlaces: Set<Substring> = ["bin", "pb", "pkl", "pickle", "joblib", "params"]
    static let modelWords = ["model", "weight", "checkpoint", "ckpt", "huggingface", "lora", "embedding"]
    static let diskImageExtensions: Set<Substring> = [
        "iso", "img", "qcow2", "qcow", "vmdk", "vdi", "vhd", "vhdx", "dmg", "ova", "ovf",
    ]
    static let mediaExtensions: Set<Substring> = [
        "mp4", "m4v", "mov", "mkv", "avi", "webm", "wmv", "flv", "mpg", "mpeg", "wav", "flac", "aiff", "mp3", "m4a",
        "ogg", "psd", "psb", "tif", "tiff", "raw", "cr2", "nef",
    ]

    /// The kind of the file at `path`: by extension (a compressed dump such as `.sql.gz` is a dump), a core dump by
    /// name, `.bin` and the like as weights only when a directory or the name says model.
    package static func kind(of path: String) -> Kind {
        let name = ContextPath.name(of: path).lowercased()
        if name == "core" || name.hasSuffix(".core") || isCoreWithPID(name[...]) { return .coreDump }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last else { return .other }
        let inner = parts.count >= 3 ? parts[parts.count - 2] : nil
        if archiveExtensions.contains(last) {
            if let inner, dumpExtensions.contains(inner) { return .databaseDump }
            if let inner, weightExtensions.contains(inner) { return .modelWeights }
            return .archive
        }
        if dumpExtensions.contains(last) { return .databaseDump }
        if weightExtensions.contains(last) { return .modelWeights }
        if weightExtensionsInModelPlaces.contains(last) {
            let lowered = path.lowercased()
            if modelWords.contains(where: { lowered.contains($0) }) { return .modelWeights }
        }
        if diskImageExtensions.contains(last) { return .diskImage }
        if mediaExtensions.contains(last) { return .media }
        return .other
    }

    /// `core.<digits>`, the name Linux gives a core dump with `kernel.core_uses_pid`.
    static func isCoreWithPID(_ name: Substring) -> Bool {
        guard name.hasPrefix("core.") else { return false }
        let digits = name.dropFirst(5)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
