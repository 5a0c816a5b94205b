import Foundation

@testable import CtxtrimCore

/// `Fixtures/compose` copied into a scratch directory, made into a git repository and bloated at test time: installed
/// dependencies, a log file, a planted secret and a `.git` directory.
struct ComposeRepository {
    let scratch: ScratchDirectory
    var path: String { scratch.path }

    /// The fixture directory in this checkout.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/compose")

    /// A fake AWS access key id, assembled so the repository itself holds nothing a scanner flags.
    static let plantedKey = "AK" + "IA" + "Q7W3ZK2M5N8P4R6T"

    init(git: Bool = true) throws {
        scratch = try ScratchDirectory("compose")
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.fixture.path)
        for file in files {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.fixture.path + "/" + file, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let target = file == "_gitignore" ? ".gitignore" : file
            let contents = try String(contentsOfFile: Self.fixture.path + "/" + file, encoding: .utf8)
            try scratch.write(target, contents)
        }
        for index in 0..<20 {
            try scratch.write("app/node_modules/dep\(index)/index.js", String(repeating: "d", count: 500 + index))
        }
        try scratch.write("node_modules/root-dep/index.js", String(repeating: "r", count: 3000))
        try scratch.write("app/debug.log", String(repeating: "l", count: 700))
        try scratch.write("app/logs/today.log", String(repeating: "t", count: 300))
        try scratch.write("app/.env", "aws_access_key_id = \(Self.plantedKey)\n")
        if git {
            try run(["git", "init", "-q"])
            try run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A"])
            try run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "init"])
        }
    }

    func write(_ relativePath: String, _ contents: String) throws {
        try scratch.write(relativePath, contents)
    }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(arguments) failed"])
        }
    }
}
