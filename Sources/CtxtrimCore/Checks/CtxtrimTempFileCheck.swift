/// `ctxtrim-temp-file`: a temporary file an interrupted `ctxtrim fix` left beside the ignore file it was writing.
///
/// `fix` gives its temporary file a name only for the moment before the rename, and SIGINT or SIGTERM unlink it; only
/// `kill -9` or a crash in that moment leaves one behind (development builds before 0.1.0 named it for the whole
/// write).
/// Docker sends it like any other file, so the scan counts it as sent; the finding says to delete it.
package struct CtxtrimTempFileCheck: EntryCheck {
    package init() {}

    package static let descriptor = CheckDescriptor(
        id: .ctxtrimTempFile, title: "Leftover ctxtrim temporary file",
        summary: "A temporary file from an interrupted `ctxtrim fix` would be sent.",
        defaultSeverity: .warning,
        help: """
            `ctxtrim fix` writes the ignore file through a temporary file `.<name>.ctxtrim-tmp-XXXXXX` in the same \
            directory and renames it over the original. A `kill -9` at that moment leaves the temporary file behind \
            (development builds named it `.<name>.ctxtrim-XXXXXX`). It holds a half-written or complete copy of the new \
            ignore file, is sent with the context, and is safe to delete.
            """,
        subjects: [.file], yieldsToClaimedDirectories: true,
        examples: [
            .entries(
                "`..dockerignore.ctxtrim-tmp-Ab12Cd`", triggers: true,
                .init(path: "..dockerignore.ctxtrim-tmp-Ab12Cd", kind: .file, size: 120)),
            .entries(
                "an older `.Dockerfile.dockerignore.ctxtrim-x9YzQ1`", triggers: true,
                .init(path: "docker/.Dockerfile.dockerignore.ctxtrim-x9YzQ1", kind: .file, size: 80)),
            .entries("`.dockerignore`", triggers: false, .init(path: ".dockerignore", kind: .file, size: 120)),
            .entries(
                "a suffix of another length `..dockerignore.ctxtrim-tmp-abc`", triggers: false,
                .init(path: "..dockerignore.ctxtrim-tmp-abc", kind: .file, size: 10)),
            .entries(
                "a directory `.cache.ctxtrim-tmp-Ab12Cd`", triggers: false,
                .init(path: ".cache.ctxtrim-tmp-Ab12Cd", kind: .directory)),
        ])

    package func check(_ entry: EntryFacts) -> Finding? {
        guard entry.kind == .file, Self.isTemporaryName(entry.name) else { return nil }
        return finding(
            about: entry,
            message: """
                `\(entry.path)` is a temporary file an interrupted `ctxtrim fix` left behind: delete it.
                """,
            bytes: entry.size)
    }

    /// Whether `name` is `.<name>.ctxtrim-tmp-XXXXXX` (or the older `.<name>.ctxtrim-XXXXXX`) with six letters or
    /// digits at the end, as `AtomicFile` and `mkstemp` make them.
    static func isTemporaryName(_ name: Substring) -> Bool {
        guard name.hasPrefix("."), name.count > 7 else { return false }
        let suffix = name.suffix(6)
        guard suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        let stem = name.dropLast(6)
        for marker in [AtomicFile.temporaryMarker, ".ctxtrim-"] where stem.hasSuffix(marker) {
            return stem.count > marker.count + 1
        }
        return false
    }
}
