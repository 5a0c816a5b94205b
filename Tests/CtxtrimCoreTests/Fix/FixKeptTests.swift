import TestSupport
import Testing

@testable import CtxtrimCore

/// What `fix` keeps because the Dockerfile needs it, and how it says so: "copies it" only for an entry a source
/// names (or lies below), "may read inside it" for a directory on the way to a wildcard, and never a file that no
/// source can read.
@Suite struct FixKeptTests {
    static func plan(_ tree: TemporaryTree) throws -> FixPlan {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = IgnoreFileFixer.Options()
        options.git = false
        options.dryRun = true
        return try IgnoreFileFixer(context: context, options: options).run().plan
    }

    @Test func aWildcardKeepsDirectoriesOnItsWayButNoFileBesideThem() throws {
        let tree = try TemporaryTree("kept")
        try tree.write("Dockerfile", "FROM node:22\nCOPY */package.json ./\nCOPY dist /app\n")
        try tree.write("node_modules/left-pad/package.json", "{}\n")
        try tree.write("dist/app.js", "console.log(1)\n")
        try tree.write("package.json", "{}\n")
        let plan = try Self.plan(tree)
        let kept = Dictionary(uniqueKeysWithValues: plan.kept.map { ($0.path, $0) })
        // Line 3 copies dist/, although line 2 also passes through it.
        #expect(kept["dist"]?.copied == true)
        #expect(kept["dist"]?.sourceLine == 3)
        #expect(kept["node_modules"]?.copied == false)
        #expect(kept["node_modules"]?.sourceLine == 2)
        // `*/package.json` cannot read the root package.json: it is not kept, and as no source reads it, it goes.
        #expect(kept["package.json"] == nil)
        #expect(plan.groups.flatMap(\.patterns).contains("/package.json"))
    }
}
