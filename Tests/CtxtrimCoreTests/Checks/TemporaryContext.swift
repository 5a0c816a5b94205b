import Foundation

@testable import CtxtrimCore

/// A build context created on disk for one test, removed by `remove()`, whose checks run through the scan pipeline.
struct TemporaryContext {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-checks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ relativePath: String, to target: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The findings of the walk checks `enabledIDs` (all when nil) from a scan of the tree: no git, no Dockerfile.
    func runChecks(enabledIDs: Set<String>? = nil) throws -> [Finding] {
        let context = try BuildContext.resolve(context: root.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        options.git = false
        options.dockerfile = false
        options.suggestionRate = nil
        options.enabledChecks = enabledIDs ?? Set(CheckRegistry.ids)
        let report = try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options)
            .scan()
        return report.findings
    }
}
