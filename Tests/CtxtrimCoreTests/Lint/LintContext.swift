import Foundation
import TestSupport

@testable import CtxtrimCore

/// A build context written to a temporary directory and linted by the scan pipeline itself: resolved like
/// `docker build`, walked once with every check, and the findings of the asked lint checks kept.
struct LintContext {
    let directory: TemporaryTree
    /// Paths committed to a git repository made at test time (a directory commits everything below it); none means
    /// no repository.
    let tracked: [String]

    /// Writes `files` (a path ending in `/` is an empty directory).
    init(files: [String: String], tracked: [String] = []) throws {
        directory = try TemporaryTree("lint")
        self.tracked = tracked
        for (path, text) in files {
            if path.hasSuffix("/") { try directory.makeDirectory(path) } else { try directory.write(path, text) }
        }
        if !tracked.isEmpty { try commit(tracked) }
    }

    init(_ example: CheckExample) throws {
        try self.init(files: example.files, tracked: example.tracked)
    }

    /// The findings of the lint checks `ids` (all lint checks when nil) from a scan with every check on, built with
    /// `dockerfile` (absolute; the context's `Dockerfile` when nil).
    func findings(_ ids: Set<CheckID>? = nil, dockerfile: String? = nil) throws -> [Finding] {
        let context = try BuildContext.resolve(context: directory.path, dockerfile: dockerfile, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        options.git = !tracked.isEmpty
        options.suggestionRate = nil
        let report = try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options)
            .scan()
        let wanted = ids ?? Set(LintRegistry.ids)
        return report.findings.filter { wanted.contains($0.check) }
    }

    /// Makes the directory a git repository with `paths` committed (and nothing else added).
    private func commit(_ paths: [String]) throws {
        let repository = try GitRepository.create(in: directory)
        try repository.add(["-f", "--"] + paths)
        try repository.commit("fixture")
    }
}
