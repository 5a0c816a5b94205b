import DockerIgnore

/// A pattern that covers one kind of entry wherever it appears (`**/*.swp`, `**/node_modules`, `**/.env.*`), with
/// the names it can match, so that the planner can prove it against the walked tree before writing it.
///
/// Kinds come from the finding checks' own name rules; only names the walk counts (``SentNames``) make a kind, so
/// that every sent entry the pattern could exclude is known.
struct FixKind: Sendable, Hashable {
    /// Which entry names the pattern can match: each form is one the walk counts in full.
    enum Names: Sendable, Hashable {
        /// Exactly this name.
        case exact(String)
        /// Names ending in this watched suffix (`.log`, `.pem`).
        case suffix(String)
        /// `.env.` and more.
        case dotenvVariant
    }

    /// The line written, such as `**/*.log`.
    var pattern: String
    var names: Names
    /// Whether the kind names files (an exact `!path` exception may then keep one instance).
    var isFileKind: Bool

    /// The sent entries the pattern could match, from the walk; nil when a name is too common to list.
    func sentEntries(in names: SentNames) -> [String]? {
        switch self.names {
        case .exact(let name): return names.entries(named: Substring(name))
        case .suffix(let suffix): return names.entries(endingIn: suffix)
        case .dotenvVariant: return names.entries(namedWhere: { $0.hasPrefix(".env.") })
        }
    }

    /// The pattern compiled by the exact engine.
    func matcher() throws -> IgnoreMatcher {
        try IgnoreMatcher(IgnoreFile.parse(text: pattern, source: "(kind)"))
    }

    /// The kind of an entry `check` flagged, by that check's name rules; nil when its name makes no provable kind
    /// (an SSH key named `deploy_rsa`, a `.egg-info`, a large file: those are written by path).
    static func of(check: CheckID?, path: String, isDirectory: Bool) -> FixKind? {
        let name = ContextPath.name(of: path)
        let text = String(name)
        func exact(file: Bool) -> FixKind? {
            guard SentNames.isWatched(name), FixPlanner.patternText(text) == text else { return nil }
            return FixKind(pattern: "**/" + text, names: .exact(text), isFileKind: file)
        }
        func suffix(_ suffix: String) -> FixKind? {
            guard SentNames.watches(suffix: suffix), name.hasSuffix(suffix), name.count > suffix.count else {
                return nil
            }
            return FixKind(pattern: "**/*" + suffix, names: .suffix(suffix), isFileKind: true)
        }
        if check == .editorJunk {
            if isDirectory { return exact(file: false) }
            if EditorJunkCheck.fileNames.contains(name) { return exact(file: true) }
            return EditorJunkCheck.fileSuffixes.lazy.compactMap(suffix).first
        }
        if check == .logFile { return isDirectory ? exact(file: false) : suffix(".log") }
        if check == .largeFile { return isDirectory ? nil : bulkSuffixes.lazy.compactMap(suffix).first }
        if check == .dependencyDir || check == .buildOutput || check == .vcsDir {
            return isDirectory ? exact(file: false) : nil
        }
        guard check == .secretFile, !isDirectory else { return nil }
        if name == ".env" { return exact(file: true) }
        if name.hasPrefix(".env."), FixPlanner.patternText(text) == text {
            return FixKind(pattern: "**/.env.*", names: .dotenvVariant, isFileKind: true)
        }
        if SecretFileCheck.exactNames[text] != nil { return exact(file: true) }
        let parentName = ContextPath.name(of: String(ContextPath.parent(of: path)))
        let inDirectory = "\(parentName)/\(name)"
        if [".docker/config.json", ".aws/credentials", ".kube/config"].contains(inDirectory) {
            guard SentNames.isWatched(name) else { return nil }
            return FixKind(pattern: "**/" + inDirectory, names: .exact(text), isFileKind: true)
        }
        return keyStoreSuffixes.lazy.compactMap(suffix).first
    }

    /// Extensions of bulk that `large-file` names (dumps, archives, model weights, disk images, media), longest
    /// first so that `dump.sql.gz` is of kind `**/*.sql.gz`. A kind is proven like any other, so a committed
    /// migration `001.sql` keeps `dump.sql` written by path; a bare `.gz` or `core` is too broad to be a kind.
    static let bulkSuffixes = [
        ".tar.gz", ".tar.zst", ".sql.gz", ".safetensors", ".gguf", ".ckpt", ".onnx", ".pth", ".sql", ".dump", ".tgz",
        ".zip", ".7z", ".rar", ".iso", ".qcow2", ".vmdk", ".mov", ".mp4", ".mkv",
    ]

    /// Extensions of key and certificate stores, and Terraform state, that `secret-file` flags by name.
    static let keyStoreSuffixes = [
        ".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".kdbx", ".tfstate", ".tfvars",
    ]
}
