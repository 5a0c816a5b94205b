import Foundation
import TestSupport
import Testing

/// `ls --format make` read by GNU make itself: the image is remade when, and only when, something docker build sends
/// changes, whatever the names.
@Suite struct MakeFormatTests {
    static let make = ["/usr/bin/make", "/bin/make"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func runMake(in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: make!)
        process.arguments = ["-s"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        return text
    }

    /// Sets a file's modification time to `date`, so make's view does not depend on the clock's resolution.
    static func touch(_ path: String, at date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    @Test(.enabled(if: make != nil, "GNU make is not installed"))
    func makeRemakesTheImageOnlyWhenWhatIsSentChanges() throws {
        let tree = try TemporaryTree("make")
        try tree.write("app/Dockerfile", "FROM scratch\nCOPY . /\n")
        try tree.write("app/.dockerignore", "*.log\n")
        let names = ["src/main.c", "a b.txt", "cost$1.txt", "h#x", "c:z", "s*t", "q?r", "b[1]", "p%q"]
        for name in names { try tree.write("app/\(name)", "x") }
        try tree.write("app/debug.log", "kept out")
        try tree.write("app/semi;colon", "make cannot name it")
        let listed = try CtxtrimProcess.run(["ls", "app", "--format", "make"], in: tree.path)
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("semi;colon is left out"))
        try Data(listed.output.utf8).write(to: URL(fileURLWithPath: tree.path("ctxtrim.mk")))
        try tree.write(
            "Makefile", "include ctxtrim.mk\n\nimage.stamp: $(CTXTRIM_CONTEXT_FILES)\n\t@echo remade\n\t@touch $@\n")

        #expect(try Self.runMake(in: tree.path).contains("remade"))
        #expect(!(try Self.runMake(in: tree.path)).contains("remade"))
        // Each step a minute later than the last: the stamp at the step's start, the touched file after it.
        let start = Date().addingTimeInterval(60)
        func step(_ index: Int) -> Date { start.addingTimeInterval(Double(index) * 60) }
        try Self.touch(tree.path("image.stamp"), at: step(0))
        // What the ignore file keeps out does not reach the builder, so it remakes nothing.
        try Self.touch(tree.path("app/debug.log"), at: step(0).addingTimeInterval(30))
        #expect(!(try Self.runMake(in: tree.path)).contains("remade"))
        for (index, name) in names.enumerated() {
            try Self.touch(tree.path("image.stamp"), at: step(index + 1))
            try Self.touch(tree.path("app/\(name)"), at: step(index + 1).addingTimeInterval(30))
            #expect(try Self.runMake(in: tree.path).contains("remade"), "\(name)")
            // Made (the stamp after the file), nothing left to remake.
            try Self.touch(tree.path("image.stamp"), at: step(index + 1).addingTimeInterval(45))
            #expect(!(try Self.runMake(in: tree.path)).contains("remade"), "\(name)")
        }
    }

    @Test func makeListsWhatIsSentOnly() throws {
        let tree = try TemporaryTree("make")
        try tree.write("Dockerfile", "FROM scratch\n")
        let result = try CtxtrimProcess.run(["ls", tree.path, "--format", "make", "--excluded"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format make lists what is sent"))
    }
}
