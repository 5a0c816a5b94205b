import Foundation

@testable import GitClassifier

/// A serial walk of a directory tree that classifies each entry the way the context walker does: every directory's
/// classification is passed down as the `parent` of its children.
enum TreeWalk {
    /// Every non-directory entry (files, symlinks) below `root`, relative to it, with its propagated classification.
    static func classify(root: String, snapshot: GitStatusSnapshot) throws -> [String: GitClassification] {
        var result: [String: GitClassification] = [:]
        try walk(root: root, relative: "", parent: snapshot.root, snapshot: snapshot, into: &result)
        return result
    }

    private static func walk(
        root: String, relative: String, parent: GitClassification, snapshot: GitStatusSnapshot,
        into result: inout [String: GitClassification]
    ) throws {
        let directory = relative.isEmpty ? root : root + "/" + relative
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = relative.isEmpty ? name : relative + "/" + name
            let type = try FileManager.default.attributesOfItem(atPath: root + "/" + path)[.type] as? FileAttributeType
            let isDirectory = type == .typeDirectory
            let classification = snapshot.classify(path: path, isDirectory: isDirectory, parent: parent)
            if isDirectory {
                try walk(root: root, relative: path, parent: classification, snapshot: snapshot, into: &result)
            } else {
                result[path] = classification
            }
        }
    }
}
