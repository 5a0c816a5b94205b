import ContextWalker
import Foundation

@testable import CtxtrimCore

/// A build context created on disk for one test, removed by `remove()`.
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

    /// Walks the tree serially, as the integrator will with the real walker: entries of a directory first, content of
    /// the small files the run asks for, then each subdirectory, finished after its subtree. No git: classes are nil.
    func runChecks(enabledIDs: Set<CheckID>? = nil) throws -> [Finding] {
        var run = CheckRun(enabledIDs: enabledIDs)
        _ = try walk(directory: root, relativePath: "", into: &run)
        return run.finish()
    }

    private func walk(directory: URL, relativePath: String, into run: inout CheckRun) throws -> (
        files: Int, bytes: Int64
    ) {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var subdirectories: [(URL, String)] = []
        var totals = (files: 0, bytes: Int64(0))
        for name in names {
            let url = directory.appendingPathComponent(name)
            let path = relativePath.isEmpty ? name : "\(relativePath)/\(name)"
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                run.visit(EntryFacts(path: path, kind: .directory))
                subdirectories.append((url, path))
            case .typeSymbolicLink?:
                let target = try FileManager.default.destinationOfSymbolicLink(atPath: url.path)
                run.visit(EntryFacts(path: path, kind: .symlink, size: size, linkTarget: target))
            default:
                let entry = EntryFacts(path: path, kind: .file, size: size)
                run.visit(entry)
                totals.files += 1
                totals.bytes += size
                if run.shouldReadContent(of: entry) { run.scanContent(Array(try Data(contentsOf: url)), of: entry) }
            }
        }
        for (url, path) in subdirectories {
            let subtree = try walk(directory: url, relativePath: path, into: &run)
            run.finishDirectory(DirectoryFacts(path: path, sentFiles: subtree.files, sentBytes: subtree.bytes))
            totals.files += subtree.files
            totals.bytes += subtree.bytes
        }
        return totals
    }
}
