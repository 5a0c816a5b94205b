import Foundation

/// A scratch directory removed when released, with helpers to build trees from the conformance fixtures.
final class FixtureTree {
    let url: URL
    var path: String { url.path }

    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-cli-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Removes the tree; `rm -rf` takes over where FileManager gives up (paths beyond PATH_MAX, raw-byte names).
    deinit {
        if (try? FileManager.default.removeItem(at: url)) == nil {
            let remover = Process()
            remover.executableURL = URL(fileURLWithPath: "/bin/rm")
            remover.arguments = ["-rf", url.path]
            try? remover.run()
            remover.waitUntilExit()
        }
    }

    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, data: Data(contents.utf8))
    }

    @discardableResult
    func write(_ relative: String, data: Data) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) throws {
        let link = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
    }

    /// Runs a command (such as git) in the tree and fails the test if it fails.
    @discardableResult
    func shell(_ arguments: [String], in relative: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = relative.isEmpty ? url : url.appendingPathComponent(relative)
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "ctxtrim tests"
        env["GIT_AUTHOR_EMAIL"] = "tests@localhost"
        env["GIT_COMMITTER_NAME"] = "ctxtrim tests"
        env["GIT_COMMITTER_EMAIL"] = "tests@localhost"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ShellFailure(command: arguments.joined(separator: " "), output: text)
        }
        return text
    }

    /// Makes the repository's `Fixtures/` directory path.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
}

struct ShellFailure: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "\(command) failed: \(output)" }
}
