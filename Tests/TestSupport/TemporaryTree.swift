import Foundation

/// A directory tree under the system temporary directory for one test, removed when the value is released, so it
/// goes away when the test throws or an expectation fails too.
///
/// Removal tries FileManager first; where it gives up (paths beyond PATH_MAX, raw-byte names, directories without
/// write permission left by a test) `/bin/rm -rf` takes over, so nothing stays behind in /tmp.
public final class TemporaryTree {
    public let url: URL
    public var path: String { url.path }

    /// Creates `ctxtrim-<label>-<uuid>` in the temporary directory.
    public init(_ label: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { Self.remove(url.path) }

    /// Removes `path` and everything below it, with `rm -rf` where FileManager cannot.
    public static func remove(_ path: String) {
        if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf", "--", path]
        remover.standardOutput = FileHandle.nullDevice
        remover.standardError = FileHandle.nullDevice
        guard (try? remover.run()) != nil else { return }
        remover.waitUntilExit()
    }

    /// The absolute path of `relative` inside the tree (the root for "").
    public func path(_ relative: String) -> String {
        relative.isEmpty ? url.path : url.appendingPathComponent(relative).path
    }

    /// Writes `contents` at `relative`, creating parent directories; returns the absolute path.
    @discardableResult
    public func write(_ relative: String, _ contents: String = "") throws -> String {
        try write(relative, data: Data(contents.utf8))
    }

    /// Writes `data` at `relative`, creating parent directories; returns the absolute path.
    @discardableResult
    public func write(_ relative: String, data: Data) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    /// Creates the directory `relative` and its parents.
    public func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    /// Creates a symbolic link at `relative` pointing at `target` (taken literally, not resolved).
    public func symlink(_ relative: String, to target: String) throws {
        let link = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
    }

    /// Copies the files of `Fixtures/<name>` into `relative` (the root by default), storing each `_gitignore` as
    /// `.gitignore`: fixtures keep their git rules inert inside ctxtrim's own repository.
    public func copyFixture(_ name: String, to relative: String = "") throws {
        let source = PackageRoot.fixtures.appendingPathComponent(name)
        for file in try FileManager.default.subpathsOfDirectory(atPath: source.path).sorted() {
            var isDirectory: ObjCBool = false
            let from = source.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: from.path, isDirectory: &isDirectory) else { continue }
            let components = file.split(separator: "/").map { $0 == "_gitignore" ? ".gitignore" : String($0) }
            let target = (relative.isEmpty ? [] : [relative]) + components
            if isDirectory.boolValue {
                try makeDirectory(target.joined(separator: "/"))
            } else {
                try write(target.joined(separator: "/"), data: Data(contentsOf: from))
            }
        }
    }
}
