import CtxtrimCLI
import Foundation
import TestSupport
import Testing

/// `scripts/install` puts a release tarball's binary on PATH only when its checksum matches, from a release server
/// (here a loopback one) or a local tarball, and links it as the Docker CLI plugin on request.
@Suite struct InstallScriptTests {
    static let script = PackageRoot.file("scripts/install").path
    static let version = CtxtrimCommand.version
    static let canDownload = ["/usr/bin/curl", "/usr/bin/wget"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// A release as the package script lays it out, `ctxtrim-V-linux-ARCH.tar.gz` and its `.sha256`.
    struct Release {
        let tarball: String
        let checksum: String
        var sha256: String { String(checksum.prefix(64)) }
    }

    static var architecture: String {
        (try? ScriptProcess.succeed("/usr/bin/uname", ["-m"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "x86_64"
    }

    /// Packs `binary` as `bin/ctxtrim` (with a bash completion) into `directory`, then writes the `.sha256` file.
    static func makeRelease(in tree: TemporaryTree, at directory: String, binary: Data) throws -> Release {
        let name = "ctxtrim-\(version)-linux-\(architecture)"
        let staging = "staging-\(UUID().uuidString)"
        try tree.write("\(staging)/\(name)/bin/ctxtrim", data: binary)
        try tree.write("\(staging)/\(name)/share/bash-completion/completions/ctxtrim", "complete -F _ctxtrim ctxtrim\n")
        try tree.write("\(staging)/\(name)/README.md", "ctxtrim\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: tree.path("\(staging)/\(name)/bin/ctxtrim"))
        try tree.makeDirectory(directory)
        let tarball = tree.path("\(directory)/\(name).tar.gz")
        try ScriptProcess.succeed("/usr/bin/tar", ["-czf", tarball, "-C", tree.path(staging), name])
        let line = try ScriptProcess.succeed("/usr/bin/sha256sum", ["\(name).tar.gz"], in: tree.path(directory))
        try tree.write("\(directory)/\(name).tar.gz.sha256", line)
        return Release(tarball: tarball, checksum: line)
    }

    /// A stand-in binary that prints the version it is asked for, as the real one does.
    static let fakeBinary = Data("#!/bin/sh\n[ \"$1\" = --version ] && echo \(version)\nexit 0\n".utf8)

    /// Runs the install script with `arguments`; HOME is inside `tree`, releases come from `base`.
    static func install(_ arguments: [String], tree: TemporaryTree, base: String? = nil) throws -> ScriptProcess.Result
    {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": tree.path("home"),
            "TMPDIR": tree.path(""),
        ]
        if let base { environment["CTXTRIM_RELEASE_BASE"] = base }
        return try ScriptProcess.run(script, arguments, environment: environment)
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test(.enabled(if: canDownload && LoopbackHTTPServer.python != nil, "needs curl or wget, and python3"))
    func installsTheServedReleaseAndLinksTheDockerPlugin() throws {
        let tree = try TemporaryTree("install")
        _ = try Self.makeRelease(in: tree, at: "served/v\(Self.version)", binary: Self.fakeBinary)
        let server = try LoopbackHTTPServer(serving: tree.path("served"), portFile: tree.path("port"))
        let run = try Self.install(
            ["--version", Self.version, "--prefix", tree.path("prefix"), "--docker-plugin"], tree: tree,
            base: server.baseURL)
        #expect(run.status == 0, "\(run.stderr)")
        let installed = tree.path("prefix/bin/ctxtrim")
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.contents(atPath: installed) == Self.fakeBinary)
        #expect(Self.exists(tree.path("prefix/share/bash-completion/completions/ctxtrim")))
        let plugin = tree.path("home/.docker/cli-plugins/docker-ctxtrim")
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: plugin)
        #expect(
            URL(fileURLWithPath: target).resolvingSymlinksInPath()
                == URL(fileURLWithPath: installed).resolvingSymlinksInPath())
        #expect(run.stdout.contains("installed \(installed) (\(Self.version))"))
    }

    @Test(.enabled(if: canDownload && LoopbackHTTPServer.python != nil, "needs curl or wget, and python3"))
    func aTamperedTarballInstallsNothing() throws {
        let tree = try TemporaryTree("install-tampered")
        let release = try Self.makeRelease(in: tree, at: "served/v\(Self.version)", binary: Self.fakeBinary)
        // The served tarball changes after its checksum file was written.
        let handle = try #require(FileHandle(forWritingAtPath: release.tarball))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        let server = try LoopbackHTTPServer(serving: tree.path("served"), portFile: tree.path("port"))
        let run = try Self.install(
            ["--prefix", tree.path("prefix"), "--docker-plugin"], tree: tree, base: server.baseURL)
        #expect(run.status == 1)
        #expect(run.stderr.contains("checksum mismatch"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was installed"))
        #expect(!Self.exists(tree.path("prefix")))
        #expect(!Self.exists(tree.path("home/.docker")))
    }

    @Test(.enabled(if: canDownload && LoopbackHTTPServer.python != nil, "needs curl or wget, and python3"))
    func aWrongPinnedChecksumInstallsNothing() throws {
        let tree = try TemporaryTree("install-pinned")
        let release = try Self.makeRelease(in: tree, at: "served/v\(Self.version)", binary: Self.fakeBinary)
        let server = try LoopbackHTTPServer(serving: tree.path("served"), portFile: tree.path("port"))
        let wrong = String(repeating: "0", count: 64)
        let run = try Self.install(
            ["--prefix", tree.path("prefix"), "--sha256", wrong], tree: tree, base: server.baseURL)
        #expect(run.status == 1)
        #expect(run.stderr.contains("checksum mismatch"), "\(run.stderr)")
        #expect(run.stderr.contains("expected sha256 \(wrong), got \(release.sha256)"))
        #expect(!Self.exists(tree.path("prefix")))
        // The right pinned value installs, without the release's checksum file being needed.
        try FileManager.default.removeItem(atPath: release.tarball + ".sha256")
        let pinned = try Self.install(
            ["--prefix", tree.path("prefix"), "--sha256", release.sha256.uppercased()], tree: tree,
            base: server.baseURL)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(Self.exists(tree.path("prefix/bin/ctxtrim")))
    }

    @Test(.enabled(if: canDownload && LoopbackHTTPServer.python != nil, "needs curl or wget, and python3"))
    func aMissingReleaseSaysSoWithStatusThree() throws {
        let tree = try TemporaryTree("install-missing")
        try tree.makeDirectory("served")
        let server = try LoopbackHTTPServer(serving: tree.path("served"), portFile: tree.path("port"))
        let run = try Self.install(
            ["--version", "9.9.9", "--prefix", tree.path("prefix")], tree: tree, base: server.baseURL)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("could not download \(server.baseURL)/v9.9.9/ctxtrim-9.9.9-linux-"))
        #expect(!Self.exists(tree.path("prefix")))
    }

    /// The real binary, installed from a local tarball with no network, answers Docker's metadata call through
    /// the plugin link.
    @Test func aLocalTarballInstallsWithoutNetworkAndActsAsThePlugin() throws {
        let tree = try TemporaryTree("install-from")
        let binary = try Data(contentsOf: CtxtrimProcess.executable)
        let release = try Self.makeRelease(in: tree, at: "dist", binary: binary)
        let run = try Self.install(
            ["--from", release.tarball, "--prefix", tree.path("prefix"), "--docker-plugin"], tree: tree,
            base: "http://127.0.0.1:9/unused")
        #expect(run.status == 0, "\(run.stderr)")
        let plugin = tree.path("home/.docker/cli-plugins/docker-ctxtrim")
        let metadata = try ScriptProcess.succeed(plugin, ["docker-cli-plugin-metadata"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(metadata.utf8)) as? [String: Any])
        #expect(object["Version"] as? String == Self.version)
        #expect(object["SchemaVersion"] as? String == "0.1.0")
    }

    @Test func aLocalTarballWithoutItsChecksumFileIsRefused() throws {
        let tree = try TemporaryTree("install-from-unsigned")
        let release = try Self.makeRelease(in: tree, at: "dist", binary: Self.fakeBinary)
        try FileManager.default.removeItem(atPath: release.tarball + ".sha256")
        let run = try Self.install(["--from", release.tarball, "--prefix", tree.path("prefix")], tree: tree)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no checksum file"), "\(run.stderr)")
        #expect(!Self.exists(tree.path("prefix")))
    }

    /// The version the script installs by default is the one this commit's binary reports, which the action and
    /// the pre-commit hook rely on.
    @Test func theDefaultVersionIsTheBinarysVersion() throws {
        let text = try PackageRoot.read("scripts/install")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("default_version=") })
        #expect(line == "default_version=\"\(Self.version)\"")
    }
}
