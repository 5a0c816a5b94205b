import Foundation
import TestSupport
import Testing

/// A pull request from a fork controls every file of the tree. These trees are what an attacker would commit: links to
/// the CI environment and to devices, FIFOs where ctxtrim reads, huge files. Every command must end within seconds
/// with a clear error (exit 2), and never print what the link points at.
@Suite struct HostileInputTests {
    /// A value only the environment holds: if it reaches any output, the environment leaked.
    static let canary = "ctxtrim_canary_" + String(UInt64.random(in: 1...UInt64.max), radix: 36)
    static let environment = ["CTXTRIM_TEST_CANARY": canary]

    static let inputNames = [".dockerignore", "Dockerfile", "Dockerfile.dockerignore", ".ctxtrim.yml"]

    /// A small real project, plus `name` replaced by whatever `plant` makes.
    static func tree(replacing name: String, plant: (String) throws -> Void) throws -> TemporaryTree {
        let tree = try TemporaryTree("hostile")
        try tree.write("Dockerfile", "FROM alpine:3.20\nCOPY app.sh /app.sh\n")
        try tree.write("app.sh", "echo hi\n")
        let path = tree.url.appendingPathComponent(name).path
        try? FileManager.default.removeItem(atPath: path)
        try plant(path)
        return tree
    }

    /// Whether `command` reads the file `name`: `ls` and `explain` need only the ignore file, and only `check`
    /// reads `.ctxtrim.yml`.
    static func reads(_ name: String, _ command: String) -> Bool {
        if name == ".ctxtrim.yml" { return command == "check" }
        return ["ls", "explain"].contains(command) ? name.hasSuffix("dockerignore") : true
    }

    static func commands(_ tree: TemporaryTree) -> [[String]] {
        [
            ["scan", tree.path], ["check", tree.path], ["fix", tree.path, "--dry-run"], ["ls", tree.path],
            ["explain", tree.path, "app.sh"],
        ]
    }

    @Test(arguments: inputNames)
    func aLinkToTheEnvironmentIsRefusedWithoutEchoingIt(name: String) throws {
        let tree = try Self.tree(replacing: name) {
            try FileManager.default.createSymbolicLink(
                atPath: $0, withDestinationPath: "/proc/self/environ")
        }
        for command in Self.commands(tree) where Self.reads(name, command[0]) {
            let result = try CtxtrimProcess.run(command, environment: Self.environment, timeLimit: 20)
            #expect(!result.timedOut, "\(command)")
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(!result.output.contains(Self.canary) && !result.stderr.contains(Self.canary), "\(command)")
            // fix refuses the ignore file it would write before reading it, with its own words.
            #expect(
                result.stderr.contains("input.symlink-outside-context")
                    || result.stderr.contains("outside the context"),
                "\(command): \(result.stderr)")
        }
    }

    @Test(arguments: inputNames)
    func aLinkToAnEndlessDeviceIsRefusedQuickly(name: String) throws {
        let tree = try Self.tree(replacing: name) {
            try FileManager.default.createSymbolicLink(
                atPath: $0, withDestinationPath: "/dev/zero")
        }
        let result = try CtxtrimProcess.run(["check", tree.path], timeLimit: 20)
        #expect(!result.timedOut)
        #expect(result.status == 2, "\(result.stderr)")
    }

    @Test(arguments: inputNames)
    func aFIFOWhereAFileIsReadNeverHangs(name: String) throws {
        let tree = try Self.tree(replacing: name) { #expect(mkfifo($0, 0o644) == 0) }
        for command in Self.commands(tree) {
            let result = try CtxtrimProcess.run(command, timeLimit: 20)
            #expect(!result.timedOut, "\(command) hung on a FIFO named \(name)")
            if !Self.reads(name, command[0]) { continue }
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains("input.not-regular-file") || result.stderr.contains("not a regular file"),
                "\(command): \(result.stderr)")
            #expect(result.stderr.contains("FIFO"), "\(command): \(result.stderr)")
        }
    }

    @Test func aHugeDockerfileIsRefusedWithTheLimit() throws {
        let tree = try TemporaryTree("huge")
        var text = "FROM alpine:3.20\n"
        text += String(repeating: "RUN echo padding padding padding padding padding padding padding\n", count: 80_000)
        try tree.write("Dockerfile", text)
        let result = try CtxtrimProcess.run(["check", tree.path], timeLimit: 20)
        #expect(result.status == 2)
        #expect(result.stderr.contains("input.too-large") && result.stderr.contains("4.0 MiB"), "\(result.stderr)")
    }

    @Test func aDockerfileThatIsADirectoryIsAnError() throws {
        let tree = try TemporaryTree("dir-dockerfile")
        try tree.makeDirectory("Dockerfile")
        let result = try CtxtrimProcess.run(["check", tree.path], timeLimit: 20)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("is a directory, not a regular file"), "\(result.stderr)")
    }

    /// A link that stays inside the context is read, as BuildKit reads it.
    @Test func aLinkInsideTheContextIsFollowed() throws {
        let tree = try Self.tree(replacing: ".dockerignore") {
            try FileManager.default.createSymbolicLink(
                atPath: $0, withDestinationPath: "config/dockerignore")
        }
        try tree.write("config/dockerignore", "config\n")
        let result = try CtxtrimProcess.run(["ls", tree.path, "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.output.contains("config/dockerignore"))
    }

    /// `-f` is the user's own choice and may point anywhere; it must still be a regular file.
    @Test func aTypedDockerfileMayLieOutsideTheContextButMustBeRegular() throws {
        let tree = try TemporaryTree("typed")
        try tree.write("ctx/app.sh", "echo\n")
        let dockerfile = try tree.write("elsewhere/Dockerfile", "FROM alpine:3.20\nCOPY app.sh /\n")
        let result = try CtxtrimProcess.run(["scan", tree.path + "/ctx", "-f", dockerfile])
        #expect(result.status == 0, "\(result.stderr)")
        let device = try CtxtrimProcess.run(["scan", tree.path + "/ctx", "-f", "/dev/null"])
        #expect(device.status == 2)
        #expect(device.stderr.contains("character device"), "\(device.stderr)")
    }

    /// A compose file naming a Dockerfile outside the repository must not get it read (its lines would be echoed).
    @Test func aComposeDockerfileOutsideTheTreeIsRefused() throws {
        let tree = try TemporaryTree("compose-abs")
        let secret = try tree.write("outside/Dockerfile", "FROM alpine\n\(Self.canary) SECRET=1\n")
        try tree.write("repo/app/app.sh", "echo\n")
        try tree.write(
            "repo/compose.yaml", "services:\n  app:\n    build:\n      context: app\n      dockerfile: \(secret)\n")
        for format in ["text", "json"] {
            let result = try CtxtrimProcess.run(
                ["scan", tree.path + "/repo", "--all", "--format", format], timeLimit: 20)
            #expect(!result.output.contains(Self.canary) && !result.stderr.contains(Self.canary))
            if format == "json" { #expect(result.output.contains("input.symlink-outside-context")) }
        }
        let check = try CtxtrimProcess.run(["check", tree.path + "/repo", "--all"], timeLimit: 20)
        #expect(!check.output.contains(Self.canary) && !check.stderr.contains(Self.canary))
    }
}
