import Foundation

/// A directory under the system temporary directory, removed when the value is released.
final class ScratchDirectory {
    let url: URL
    var path: String { url.path }

    init(_ label: String = "core") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `contents` at `relativePath`, creating parent directories.
    @discardableResult
    func write(_ relativePath: String, _ contents: String = "") throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        return file.path
    }

    func makeDirectory(_ relativePath: String) throws {
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent(relativePath), withIntermediateDirectories: true)
    }
}
