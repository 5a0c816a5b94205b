import Testing

@testable import CtxtrimCore

/// How a run combines checks: claimed subtrees, project markers, aggregation, ordering.
@Suite struct CheckRunTests {
    @Test func nestedDependencyDirectoriesAreReportedOnceWithAllTheirBytes() throws {
        let context = try TemporaryContext()
        try context.write("package.json", "{}")
        try context.write("node_modules/a/index.js", String(repeating: "a", count: 100))
        try context.write("node_modules/a/node_modules/b/index.js", String(repeating: "b", count: 50))
        try context.write("node_modules/a/debug.log", "log")
        try context.write("node_modules/a/dist/a.js", "x")
        try context.write("node_modules/a/.DS_Store", "x")
        try context.write("node_modules/a/.env", "x")
        let findings = try context.runChecks()
        #expect(findings.map(\.check) == ["dependency-dir"])
        #expect(findings.first?.path == "node_modules")
        #expect(findings.first?.files == 6)
        #expect(findings.first?.bytes == 156)
        #expect(findings.first?.message.contains("`node_modules` to .dockerignore") == true)
    }

    @Test func secretsInsideBuildOutputAreStillReported() throws {
        let context = try TemporaryContext()
        try context.write("dist/.env", "A=1")
        try context.write("dist/app.js", "x")
        let findings = try context.runChecks()
        #expect(findings.map { "\($0.check) \($0.path)" } == ["build-output dist", "secret-file dist/.env"])
    }

    @Test func targetIsBuildOutputOnlyBesideAProjectFile() throws {
        let context = try TemporaryContext()
        try context.write("rust/Cargo.toml", "[package]")
        try context.write("rust/target/debug/app", "bin")
        try context.write("deploy/target/prod.yaml", "x: 1")
        try context.write("dotnet/App.csproj", "<Project/>")
        try context.write("dotnet/bin/Debug/App.dll", "x")
        try context.write("dotnet/obj/project.assets.json", "{}")
        try context.write("bin/run.sh", "#!/bin/sh")
        let findings = try context.runChecks()
        #expect(
            findings.filter { $0.check == "build-output" }.map(\.path) == ["dotnet/bin", "dotnet/obj", "rust/target"])
    }

    @Test func gitIgnoredFilesAreGroupedByTopLevelDirectoryOutsideClaimedOnes() {
        var run = CheckRun()
        let ignored: [(String, Int64)] = [
            ("tmp/a.bin", 10), ("tmp/x/y/b.bin", 20), ("cache-data/c", 5), ("scratch.txt", 7),
            ("node_modules/p/i.js", 1000), ("app.log", 3),
        ]
        for (path, size) in ignored { run.visit(EntryFacts(path: path, kind: .file, size: size, gitClass: .ignored)) }
        run.visit(EntryFacts(path: "src/main.c", kind: .file, size: 99, gitClass: .tracked))
        run.finishDirectory(DirectoryFacts(path: "node_modules/p", sentFiles: 1, sentBytes: 1000, gitClass: .ignored))
        run.finishDirectory(DirectoryFacts(path: "node_modules", sentFiles: 1, sentBytes: 1000, gitClass: .ignored))
        let grouped = run.finish().filter { $0.check == "git-ignored-sent" }
        #expect(grouped.map(\.path) == ["cache-data", "scratch.txt", "tmp"])
        #expect(grouped.map(\.files) == [1, 1, 2])
        #expect(grouped.map(\.bytes) == [5, 7, 30])
        #expect(run.finish().contains { $0.check == "log-file" && $0.path == "app.log" })
    }

    /// Seen on a root-built monorepo: `src/` of tracked services held two services' ignored `bin/` directories, and
    /// the advice was "add `src` to .dockerignore", which would break every build. The advice names where they are.
    @Test func theAdviceNamesTheIgnoredDirectoriesNotTheTopLevelOneAboveThem() {
        var run = CheckRun()
        run.visit(EntryFacts(path: "src/checkout/main.go", kind: .file, size: 40, gitClass: .tracked))
        for (path, size) in [("src/checkout/out/server", 900), ("src/cart/out/cart", 600), ("src/ad/out/x", 5)] {
            run.visit(EntryFacts(path: path, kind: .file, size: Int64(size), gitClass: .ignored))
        }
        run.visit(EntryFacts(path: "tmp/a.bin", kind: .file, size: 10, gitClass: .ignored))
        let findings = run.finish().filter { $0.check == "git-ignored-sent" }
        let source = try? #require(findings.first { $0.path == "src" })
        #expect(
            source?.message.contains("most in `src/checkout/out/` (900 B), `src/cart/out/` (600 B) and 1 more") == true)
        #expect(source?.message.contains("add `src`") == false)
        // Files directly in the top-level directory: that directory is the one to exclude.
        #expect(findings.first { $0.path == "tmp" }?.message.contains("add `tmp` to .dockerignore") == true)
    }

    @Test func symlinksLeavingTheContextAreFoundOnDisk() throws {
        let context = try TemporaryContext()
        try context.write("lib/real.txt", "x")
        try context.link("app/inside", to: "../lib/real.txt")
        try context.link("app/outside", to: "../../etc/passwd")
        try context.link("abs", to: "/etc/hosts")
        let findings = try context.runChecks(enabledIDs: ["symlink-outside-context"])
        #expect(findings.map(\.path) == ["abs", "app/outside"])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.files == 0 })
    }

    @Test func unreadableEntriesAreErrorsNeverHidden() {
        var run = CheckRun()
        run.recordUnreadable(
            UnreadableEntry(path: "node_modules/x/secret", reason: "open: Permission denied (EACCES)", kind: .file))
        run.finishDirectory(DirectoryFacts(path: "node_modules", sentFiles: 3, sentBytes: 30))
        let findings = run.finish()
        #expect(findings.map(\.check) == ["dependency-dir", "unreadable"])
        #expect(findings.last?.severity == .error)
        #expect(findings.last?.message.contains("Permission denied") == true)
    }

    @Test func findingsAreSortedByPathThenCheckOrderThenLine() {
        var run = CheckRun()
        run.visit(EntryFacts(path: "z.log", kind: .file, size: 1))
        run.visit(EntryFacts(path: ".env", kind: .file, size: 1, gitClass: .untracked))
        run.visit(EntryFacts(path: "a/.DS_Store", kind: .file, size: 1))
        let findings = run.finish()
        #expect(findings.map(\.path) == [".env", "a/.DS_Store", "z.log"])
        #expect(run.finish() == findings)
    }

    @Test func disabledChecksProduceNothing() {
        var run = CheckRun(enabledIDs: ["log-file"])
        run.visit(EntryFacts(path: ".env", kind: .file, size: 1))
        run.finishDirectory(DirectoryFacts(path: "node_modules", sentFiles: 3, sentBytes: 30))
        #expect(run.finish().isEmpty)
        #expect(!run.shouldReadContent(of: EntryFacts(path: "a.txt", kind: .file, size: 10)))
    }
}
