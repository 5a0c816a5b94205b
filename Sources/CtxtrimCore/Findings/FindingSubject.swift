import ContextWalker

/// What a finding names, decided by the check that makes it: a file, a directory, a line of the ignore file or of
/// the Dockerfile, or the context as a whole. Reporters read it instead of looking at the disk again.
package struct FindingSubject: Sendable, Hashable, Codable {
    /// The kinds of subject, encoded in JSON as their kebab-case names.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A regular file of the context (a `line` points into its content).
        case file
        /// A directory of the context, with everything below it.
        case directory
        /// A symbolic link of the context, never followed.
        case symlink
        /// A FIFO, socket or device in the context.
        case special
        /// An ignore file as a whole: the one in force, one that is not read, or one that should exist.
        case ignoreFile = "ignore-file"
        /// One line of the ignore file.
        case ignoreFileLine = "ignore-file-line"
        /// One line (instruction) of the Dockerfile.
        case dockerfileLine = "dockerfile-line"
        /// One line of the compose or bake file that declares the build (from the context root, so it may start
        /// with `../`).
        case declarationLine = "declaration-line"
        /// The build context as a whole (its budgets and growth).
        case context
    }

    package var kind: Kind
    /// Relative to the context root (the Dockerfile and ignore file as reports show them); `.` for the context.
    package var path: String
    /// 1-based line inside the file at `path`, when one is involved.
    package var line: Int?

    package init(kind: Kind, path: String, line: Int? = nil) {
        self.kind = kind
        self.path = path
        self.line = line
    }

    /// A regular file, optionally a line of its content.
    package static func file(_ path: String, line: Int? = nil) -> FindingSubject {
        FindingSubject(kind: .file, path: path, line: line)
    }

    /// A directory.
    package static func directory(_ path: String) -> FindingSubject { FindingSubject(kind: .directory, path: path) }

    /// An entry of the walk, of the kind the walker saw.
    package static func entry(_ path: String, kind: EntryKind) -> FindingSubject {
        switch kind {
        case .file: .file(path)
        case .directory: .directory(path)
        case .symlink: FindingSubject(kind: .symlink, path: path)
        case .other: FindingSubject(kind: .special, path: path)
        }
    }

    /// An ignore file as a whole.
    package static func ignoreFile(_ path: String) -> FindingSubject { FindingSubject(kind: .ignoreFile, path: path) }

    /// A line of the ignore file.
    package static func ignoreFileLine(_ path: String, line: Int) -> FindingSubject {
        FindingSubject(kind: .ignoreFileLine, path: path, line: line)
    }

    /// A line of the Dockerfile.
    package static func dockerfileLine(_ path: String, line: Int) -> FindingSubject {
        FindingSubject(kind: .dockerfileLine, path: path, line: line)
    }

    /// A line of the compose or bake file that declares the build.
    package static func declarationLine(_ path: String, line: Int?) -> FindingSubject {
        FindingSubject(kind: .declarationLine, path: path, line: line)
    }

    /// The context as a whole.
    package static let context = FindingSubject(kind: .context, path: ".")

    /// Whether it names a directory.
    package var isDirectory: Bool { kind == .directory }
    /// Whether it names a walked entry (a file, directory, symlink or special file) rather than a file's line or the
    /// context.
    package var isEntry: Bool { [.file, .directory, .symlink, .special].contains(kind) }

    /// The path as reports show it: a directory ends with `/`.
    package var displayPath: String { isDirectory ? path + "/" : path }
}
