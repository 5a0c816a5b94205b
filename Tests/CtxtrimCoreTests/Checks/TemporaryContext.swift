import Foundation
import TestSupport

@testable import CtxtrimCore

/// A build context created on disk for one test, removed with the value, whose checks run through the scan pipeline.
struct TemporaryContext {
    let tree: TemporaryTree
    var root: URL { tree.url }

    init() throws {
        tree = try TemporaryTree("checks")
    }

    func write(_ relativePath: String, _ text: String) throws {
        try tree.write(relativePath, text)
    }

    func link(_ relativePath: String, to target: String) throws {
        try tree.symlink(relativePath, to: target)
    }

    /// The findings of the walk checks `enabledIDs` (all when nil) from a scan of the tree: no git, no Dockerfile.
    func runChecks(enabledIDs: Set<CheckID>? = nil) throws -> [Finding] {
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
