import Foundation

/// A temporary directory for one test, with helpers to write files and run the `git` CLI inside it.
final class Sandbox {
    let root: URL

    init(_ label: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ctxtrim-git-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// The absolute path of `relative` inside the sandbox.
    func path(_ relative: String) -> String {
        relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
    }

    /// Writes `contents` to `relative`, creating its parent directories.
    func write(_ relative: String, _ contents: String = "x\n") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// Creates the directory `relative` and its parents.
    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    /// Runs `git` with a fixed identity in `relative` and returns its standard output; throws when git fails.
    @discardableResult
    func git(_ arguments: [String], in relative: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-c", "user.name=ctxtrim", "-c", "user.email=ctxtrim@example.invalid", "-c",
                "init.defaultBranch=main", "-c", "protocol.file.allow=always", "-c", "core.autocrlf=false",
            ] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path(relative))
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitCommandFailed(
                arguments: arguments, directory: path(relative), status: process.terminationStatus,
                stderr: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `git` and splits its `-z` output into paths.
    func gitPaths(_ arguments: [String], in relative: String = "") throws -> [String] {
        try git(arguments, in: relative).split(separator: "\0").map(String.init)
    }

    /// `git init` in `relative`.
    func initRepository(_ relative: String) throws {
        try makeDirectory(relative)
        try git(["init", "-q"], in: relative)
    }

    /// Stages everything and commits in the repository at `relative`.
    func commitAll(_ relative: String, message: String = "commit") throws {
        try git(["add", "-A"], in: relative)
        try git(["commit", "-q", "-m", message], in: relative)
    }
}

/// A `git` command run by a test failed.
struct GitCommandFailed: Error, CustomStringConvertible {
    let arguments: [String]
    let directory: String
    let status: Int32
    let stderr: String

    var description: String { "git \(arguments.joined(separator: " ")) in \(directory) exited \(status): \(stderr)" }
}
