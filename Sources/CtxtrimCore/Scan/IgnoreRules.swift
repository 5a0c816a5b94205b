import DockerIgnore

/// The ignore file of a build context, read and compiled once.
package struct IgnoreRules: Sendable {
    /// The parsed file (an empty one when the context has no ignore file).
    package let file: IgnoreFile
    package let matcher: IgnoreMatcher
    /// The file's exact bytes, for linting and for `fix`, which must keep them.
    package let bytes: [UInt8]

    /// Reads and compiles the ignore file BuildKit would use for `context`. A set-level pattern error throws
    /// `IgnoreError`, whose message names the file, line and pattern.
    package static func load(for context: BuildContext) throws -> IgnoreRules {
        guard let choice = context.ignoreFile else {
            return try IgnoreRules(bytes: [], source: "(none)")
        }
        guard let bytes = try InputFile.read(choice.path, kind: .ignoreFile, origin: choice.inputOrigin) else {
            throw ContextError(
                code: .unreadableFile, path: choice.path, message: "ignore file '\(choice.displayPath)' disappeared",
                fix: "run again once nothing else changes the context")
        }
        return try IgnoreRules(bytes: bytes, source: choice.displayPath)
    }

    /// Compiles ignore-file text given as bytes, naming it `source` in messages.
    package init(bytes: [UInt8], source: String) throws(IgnoreError) {
        self.bytes = bytes
        file = try IgnoreFile.parse(bytes: bytes, source: source)
        matcher = try IgnoreMatcher(file)
    }
}
