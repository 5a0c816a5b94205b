import ContextWalker
import DockerIgnore
import DockerfileReader
import Foundation
import GitClassifier

@testable import CtxtrimCore

/// A build context written to a temporary directory and linted the way a scan does: resolved like `docker build`,
/// walked top-down with BuildKit's per-entry decisions (pruning included), the walk facts recorded, then linted.
struct LintContext {
    let directory: ScratchDirectory
    /// Paths git tracks; a directory counts as tracked with everything below it.
    let tracked: [String]

    /// Writes `files` (a path ending in `/` is an empty directory).
    init(files: [String: String], tracked: [String] = []) throws {
        directory = try ScratchDirectory("lint")
        self.tracked = tracked
        for (path, text) in files {
            if path.hasSuffix("/") { try directory.makeDirectory(path) } else { try directory.write(path, text) }
        }
    }

    init(_ example: LintExample) throws {
        try self.init(files: example.files, tracked: example.tracked)
    }

    /// The walk facts and the lint subject, as the integrator computes them.
    func subject(dockerfile: String? = nil) throws -> LintSubject {
        let context = try BuildContext.resolve(context: directory.path, dockerfile: dockerfile, ignoreFileOverride: nil)
        let rules = try IgnoreRules.load(for: context)
        let ignoreFile = context.ignoreFile == nil ? nil : rules.file
        var walk = Walk(
            matcher: rules.matcher, tracked: tracked, usage: RuleUsage(file: rules.file),
            nested: NestedNameSightings(watching: ignoreFile), checks: CheckRun())
        _ = try walk.directory(URL(fileURLWithPath: context.root), path: "", state: .root)
        var dockerfileSubject: DockerfileSubject? = nil
        if context.dockerfileExists {
            let text = try String(contentsOfFile: context.dockerfile, encoding: .utf8)
            let parsed = try Dockerfile.parse(text, path: context.dockerfileDisplayPath)
            dockerfileSubject = DockerfileSubject(
                dockerfile: parsed, usage: try parsed.contextUsage(), displayPath: context.dockerfileDisplayPath)
        }
        return LintSubject(
            ignoreFile: ignoreFile, ruleUsage: walk.usage, nestedNames: walk.nested,
            shadowedIgnoreFile: context.shadowedIgnoreFile, walkFindings: walk.checks.finish(),
            dockerfile: dockerfileSubject)
    }

    /// The findings of the lint checks `ids` (all when nil).
    func findings(_ ids: Set<CheckID>? = nil) throws -> [Finding] {
        LintRegistry.findings(for: try subject(), enabledIDs: ids)
    }

    /// A serial top-down walk feeding the lint's walk facts and the walk checks.
    private struct Walk {
        let matcher: IgnoreMatcher
        let tracked: [String]
        var usage: RuleUsage
        var nested: NestedNameSightings
        var checks: CheckRun

        /// Walks one directory; returns the files and bytes it sends.
        mutating func directory(_ url: URL, path: String, state: ParentMatches) throws -> (files: Int, bytes: Int64) {
            var totals = (files: 0, bytes: Int64(0))
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                let child = url.appendingPathComponent(name)
                let childPath = path.isEmpty ? name : "\(path)/\(name)"
                let attributes = try FileManager.default.attributesOfItem(atPath: child.path)
                let isDirectory = attributes[.type] as? FileAttributeType == .typeDirectory
                let size = isDirectory ? 0 : (attributes[.size] as? NSNumber)?.int64Value ?? 0
                let decision = try matcher.decide(childPath, isDirectory: isDirectory, parent: state)
                usage.record(
                    state: decision.state, decidingRule: decision.decidingRule, path: childPath, isFile: !isDirectory,
                    bytes: size)
                let isTracked = tracked.contains { childPath == $0 || childPath.hasPrefix($0 + "/") }
                let gitClass: GitClass? = isTracked ? .tracked : nil
                if !decision.excluded {
                    nested.record(path: childPath, isTracked: isTracked)
                    checks.visit(
                        EntryFacts(
                            path: childPath, kind: isDirectory ? .directory : .file, size: size, gitClass: gitClass))
                }
                guard isDirectory else {
                    if !decision.excluded { (totals.files, totals.bytes) = (totals.files + 1, totals.bytes + size) }
                    continue
                }
                if decision.dockerPrunes { continue }
                let below = try directory(child, path: childPath, state: decision.state)
                if !decision.excluded {
                    checks.finishDirectory(
                        DirectoryFacts(
                            path: childPath, sentFiles: below.files, sentBytes: below.bytes, gitClass: gitClass,
                            tracksAnything: isTracked))
                }
                (totals.files, totals.bytes) = (totals.files + below.files, totals.bytes + below.bytes)
            }
            return totals
        }
    }
}
