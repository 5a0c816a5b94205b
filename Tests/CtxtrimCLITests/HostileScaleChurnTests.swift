import Foundation
import TestSupport
import Testing

/// A tree that changes while ctxtrim walks it: files deleted and created, a file swapped for a FIFO of the same
/// name, a directory for a symlink and back. The walk must end, exit 0, and report what it could not see as
/// diagnostics; its counts must lie between what existed throughout and everything that existed at some point.
@Suite(.serialized) struct HostileScaleChurnTests {
    /// The kinds of diagnostic a change under the walk may cause.
    static let churnDiagnostics: Set<String> = ["vanished", "symlink-loop", "not-a-directory", "special-file"]

    /// Measured: building the tree 1-2 s; each scan 1.5-3.8 s at 33-38 MB with 600-1,100 changes under it, 2-15
    /// vanished and not-a-directory diagnostics each. Limit: 60 s a scan.
    @Test func aScanOfATreeChangingUnderItEndsWithinBounds() throws {
        let tree = try TemporaryTree("scale-churn")
        try tree.write("context/Dockerfile", HostileScaleTests.dockerfile)
        try tree.write("context/.dockerignore", HostileScaleTests.ignoreFile)
        let context = try RawDirectory(tree.path + "/context")
        let churner = try TreeChurner(
            context: context, graveyard: try RawDirectory(tree.path + "/graveyard"),
            seeds: try RawDirectory(tree.path + "/seeds"), directories: 40, filesPerDirectory: 500, links: 10,
            rootFiles: 2, seed: TestSeeds.one(0xC4A5E))
        for iteration in 1...5 {
            let filesBefore = churner.fileCount
            let fifosBefore = churner.fifoCount
            let (scan, tally) = try churner.churn {
                try MeasuredProcess.run(["scan", context.path, "--format", "json"], timeLimit: 60)
            }
            let label = "iteration \(iteration): \(scan.cost), \(tally)"
            #expect(!scan.timedOut && scan.status == 0, "\(label) \(String(scan.stderr.suffix(2000)))")
            guard scan.status == 0 else { continue }
            #expect(tally.operations > 100, "\(label): the tree hardly changed during the scan")
            let sent = try HostileScaleTests.sentTotals(scan)
            let files = Int(sent["files"] ?? -1)
            #expect(
                (filesBefore - tally.removedFiles)...(filesBefore + tally.createdFiles) ~= files,
                "\(label): \(files) files, \(filesBefore) before")
            let others = Int(sent["others"] ?? -1)
            #expect(
                0...(fifosBefore + tally.createdFIFOs) ~= others, "\(label): \(others) others, \(fifosBefore) before")
            for diagnostic in try HostileScaleTests.diagnostics(scan) {
                #expect(Self.churnDiagnostics.contains(diagnostic.kind), "\(label): \(diagnostic)")
                if diagnostic.kind == "special-file" {
                    #expect(churner.fifoPaths.contains(diagnostic.path), "\(label): \(diagnostic)")
                } else {
                    #expect(churner.wasTouched(diagnostic.path), "\(label): \(diagnostic)")
                }
            }
        }
    }
}
