/// Whose problem an error is; the CLI's exit status follows from it, and the README's exit-code table lists them.
package enum ErrorKind: String, Sendable, CaseIterable {
    /// The command line asks for something that cannot be done: a bad flag value or combination, a `--target` the
    /// Dockerfile does not have. Exit status 64 (`EX_USAGE`), as ArgumentParser's own validation errors.
    case usage
    /// An input is missing, unreadable or malformed: the context, Dockerfile, ignore file, `.ctxtrim.yml`, baseline,
    /// compose file; a file ctxtrim refuses to replace (a directory, a link leaving the context, read-only); or `fix`
    /// refuses because the result would break the build. Exit status 2.
    case input
    /// Writing an output failed in a system call (`write`, `fsync`, `rename`: a full disk, a read-only file system);
    /// nothing was changed. Exit status 73 (`EX_CANTCREAT`).
    case output
    /// The system failed ctxtrim: no thread could be started, a time budget ran out. Exit status 71 (`EX_OSERR`).
    case system

    /// The process exit status for an error of this kind.
    package var exitStatus: Int32 {
        switch self {
        case .usage: 64
        case .input: 2
        case .output: 73
        case .system: 71
        }
    }
}
