import Foundation
import TestSupport
import Testing

/// When the builds sharing an ignore file need different things, `fix` protects both and says how a build of
/// explicit sources could keep out more with a `<Dockerfile>.dockerignore` of its own.
@Suite struct FixOwnIgnoreFileTests {
    @Test func aBuildOfExplicitSourcesBesideAWholeContextCopyIsToldAboutItsOwnIgnoreFile() throws {
        let tree = try TemporaryTree("fix-own")
        try tree.write("api.Dockerfile", "FROM golang:1.23\nCOPY go.mod go.sum ./\nCOPY cmd ./cmd\n")
        try tree.write("debug.Dockerfile", "FROM golang:1.23\nCOPY . /src\n")
        try tree.write("go.mod", "module x\n")
        try tree.write("go.sum", "")
        try tree.write("cmd/main.go", "package main\n")
        try tree.write("docs/guide.md", String(repeating: "guide\n", count: 300))
        try tree.write(".dockerignore", "*.log\n")
        try GitRepository.create(in: tree).commitAll("two builds of one context")
        let run = try CtxtrimProcess.run(["fix", "--dry-run", tree.path, "-f", tree.path("api.Dockerfile")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("also read by: Dockerfile debug.Dockerfile"), "\(run.output)")
        #expect(run.output.contains("debug.Dockerfile copies the whole context"), "\(run.output)")
        #expect(run.output.contains("`api.Dockerfile.dockerignore`"), "\(run.output)")
        #expect(run.output.contains("`!cmd`"), "\(run.output)")
        // The shared file itself keeps what the whole-context build reads: no allow list there.
        #expect(!run.output.contains("+*\n"), "\(run.output)")
    }
}
