import Foundation

/// A git repository made at test time with `/usr/bin/git`, isolated from the machine it runs on: no global or system
/// configuration, a fixed identity and fixed dates, so commits and what git ignores are the same everywhere.
public struct GitRepository: Sendable {
    /// A git command that exited with a failure.
    public struct Failure: Error, CustomStringConvertible {
        public let arguments: [String]
        public let directory: String
        public let status: Int32
        public let stderr: String
        public var description: String {
            "git \(arguments.joined(separator: " ")) in \(directory) exited \(status): \(stderr)"
        }
    }

    /// The repository's work tree.
    public let directory: String

    /// The fixed author and committer date of every commit.
    public static let date = "2024-01-01T00:00:00Z"

    /// The environment git runs with: the caller's PATH, nothing of its configuration.
    public static let environment: [String: String] = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": "/nonexistent",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_AUTHOR_NAME": "ctxtrim tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "ctxtrim tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "LC_ALL": "C",
    ]

    /// Settings passed with `-c` to every command, so no default of the installed git shows.
    static let settings = [
        "init.defaultBranch=main", "core.autocrlf=false", "protocol.file.allow=always", "commit.gpgSign=false",
    ]

    /// A repository in `directory`, which `init` creates when needed.
    public init(at directory: String) { self.directory = directory }

    /// `git init` in `relative` of `tree` (its root by default).
    @discardableResult
    public static func create(in tree: TemporaryTree, _ relative: String = "") throws -> GitRepository {
        try tree.makeDirectory(relative)
        let repository = GitRepository(at: tree.path(relative))
        try repository.run(["init", "-q"])
        return repository
    }

    /// Runs `git` with `arguments` in the work tree (or `relative` below it) and returns its standard output.
    @discardableResult
    public func run(_ arguments: [String], in relative: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = Self.settings.flatMap { ["-c", $0] } + arguments
        let place = relative.isEmpty ? directory : directory + "/" + relative
        process.currentDirectoryURL = URL(fileURLWithPath: place)
        process.environment = Self.environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // stderr is read on another thread, so neither pipe can fill up and stall git.
        let errorText = LockedText()
        let reader = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errorText.wait()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, directory: place, status: process.terminationStatus, stderr: stderr)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `git` and splits its `-z` output into paths.
    public func paths(_ arguments: [String], in relative: String = "") throws -> [String] {
        try run(arguments, in: relative).split(separator: "\0").map(String.init)
    }

    /// `git init`.
    public func initialize() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try run(["init", "-q"])
    }

    /// Sets a configuration value of this repository.
    public func config(_ key: String, _ value: String) throws { try run(["config", key, value]) }

    /// Stages `paths` (everything by default).
    public func add(_ paths: [String] = ["-A"]) throws { try run(["add"] + paths) }

    /// Commits what is staged.
    public func commit(_ message: String = "commit") throws { try run(["commit", "-q", "-m", message]) }

    /// Stages everything and commits it.
    public func commitAll(_ message: String = "commit") throws {
        try add()
        try commit(message)
    }

    /// Writes `rules` (one per line) to the `.gitignore` in `relative`, replacing what was there.
    public func ignore(_ rules: [String], in relative: String = "") throws {
        let place = relative.isEmpty ? directory : directory + "/" + relative
        try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
        try Data(rules.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: place + "/.gitignore"))
    }
}

/// Text handed over from a reader thread.
final class LockedText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ value: Data) {
        data = value
        done.signal()
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
