import Foundation
import TestSupport
import Testing

@testable import GitClassifier

/// Captures a snapshot of the context `contextPath` (relative to the work tree at `workTree`, both sandbox-relative),
/// classifies every file of the context by propagation and by full path, and expects both to agree with the `git` CLI.
/// `note` prefixes every failure message (a property test's seed). Returns the snapshot and the class of every file,
/// keyed by path relative to the context.
@discardableResult
func expectClassesMatchGit(
    sandbox: TemporaryTree, workTree: String, contextPath: String = "", note: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> (snapshot: GitStatusSnapshot, classes: [String: GitClass]) {
    let expected = try ExpectedClasses(sandbox: sandbox, workTree: workTree)
    let contextDirectory = [workTree, contextPath].filter { !$0.isEmpty }.joined(separator: "/")
    let snapshot = try #require(
        try GitStatusSnapshot.capture(contextDirectory: sandbox.path(contextDirectory)), sourceLocation: sourceLocation)
    #expect(snapshot.contextPath == contextPath, "\(note)context path", sourceLocation: sourceLocation)
    let walked = try TreeWalk.classify(root: sandbox.path(contextDirectory), snapshot: snapshot)
    #expect(!walked.isEmpty, "\(note)the context has files", sourceLocation: sourceLocation)
    var classes: [String: GitClass] = [:]
    for (path, classification) in walked.sorted(by: { $0.key < $1.key }) {
        let workTreePath = contextPath.isEmpty ? path : contextPath + "/" + path
        let want = expected.gitClass(of: workTreePath)
        #expect(want != nil, "\(note)git lists \(workTreePath) nowhere", sourceLocation: sourceLocation)
        #expect(classification.gitClass == want, "\(note)\(workTreePath)", sourceLocation: sourceLocation)
        #expect(
            snapshot.classify(path: path, isDirectory: false) == classification, "\(note)\(workTreePath) by full path",
            sourceLocation: sourceLocation)
        classes[path] = classification.gitClass
    }
    return (snapshot, classes)
}
