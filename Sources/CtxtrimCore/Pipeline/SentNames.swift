/// The sent entries that carry each name a check may advise excluding with `**/name`: what proves such a pattern
/// excludes nothing but what was flagged (see ``SuggestionProof``).
///
/// Only watched names are recorded (those the walk checks flag by name, and the suffix families of logs, keys and
/// dotenv files), so the cost is one set lookup per sent entry; at most `limit` paths per name are kept, beyond which
/// the name cannot be proven. Filled per walker thread, then merged.
struct SentNames: Sendable, Equatable {
    /// Paths kept per name.
    static let limit = 256
    private(set) var paths: [String: [String]] = [:]
    /// Names seen more than `limit` times.
    private(set) var overflowing: Set<String> = []

    /// Records one sent entry at the context-relative `path`.
    mutating func record(path: String) {
        let name = ContextPath.name(of: path)
        guard Self.isWatched(name) else { return }
        add(String(name), [path])
    }

    mutating func merge(_ other: SentNames) {
        overflowing.formUnion(other.overflowing)
        for (name, theirs) in other.paths { add(name, theirs) }
    }

    private mutating func add(_ name: String, _ more: [String]) {
        guard !overflowing.contains(name) else { return }
        paths[name, default: []] += more
        if paths[name]!.count > Self.limit {
            overflowing.insert(name)
            paths[name] = nil
        }
    }

    /// The sent entries named `name`; nil when the name is not watched or too common to list.
    func entries(named name: Substring) -> [String]? {
        let key = String(name)
        guard Self.isWatched(name), !overflowing.contains(key) else { return nil }
        return paths[key] ?? []
    }

    /// The sent entries whose name ends in `suffix`; nil unless the suffix is a watched family with no name too
    /// common to list.
    func entries(endingIn suffix: String) -> [String]? {
        guard Self.suffixes.contains(suffix), !overflowing.contains(where: { $0.hasSuffix(suffix) }) else {
            return nil
        }
        return paths.filter { $0.key.hasSuffix(suffix) }.flatMap(\.value)
    }

    /// The sent entries whose name passes `test`; nil when a name that passes it was too common to list. Only
    /// meaningful for a test that passes watched names alone (``isWatched(_:)``).
    func entries(namedWhere test: (Substring) -> Bool) -> [String]? {
        guard !overflowing.contains(where: { test(Substring($0)) }) else { return nil }
        return paths.filter { test(Substring($0.key)) }.flatMap(\.value)
    }

    /// Whether every name ending in `suffix` is counted.
    static func watches(suffix: String) -> Bool { suffixes.contains(suffix) }

    /// Whether entries with this name are counted.
    static func isWatched(_ name: Substring) -> Bool {
        if exactNames.contains(name) { return true }
        // Most names end in a byte no watched suffix ends in: one set lookup decides them.
        if let last = name.utf8.last, suffixLastBytes.contains(last),
            suffixBytes.contains(where: { name.utf8.reversed().starts(with: $0) })
        {
            return true
        }
        return name.utf8.starts(with: dotEnv)
    }

    private static let dotEnv = Array(".env".utf8)
    /// The suffixes' bytes, reversed, and the bytes they end in.
    private static let suffixBytes = suffixes.map { Array($0.utf8.reversed()) }
    private static let suffixLastBytes = Set(suffixes.compactMap(\.utf8.last))

    private static let exactNames: Set<Substring> = {
        var names = Set<Substring>()
        names.formUnion(DependencyDirectoryCheck.names)
        names.formUnion(BuildOutputCheck.names)
        names.formUnion(VCSDirectoryCheck.names)
        names.formUnion(EditorJunkCheck.directoryNames)
        names.formUnion(EditorJunkCheck.fileNames)
        names.formUnion(SecretFileCheck.exactNames.keys.map { Substring($0) })
        names.formUnion(["target", "bin", "obj", "vendor", "logs", "config.json", "credentials", "config"])
        return names
    }()
    private static let suffixes =
        [
            ".log", ".pem", ".key", ".swp", ".swo", "~", ".tfstate", ".tfvars", ".p12", ".pfx", ".jks", ".keystore",
            ".ppk", ".kdbx",
        ] + FixKind.bulkSuffixes
}
