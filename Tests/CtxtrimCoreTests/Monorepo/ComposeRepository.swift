import Foundation
import TestSupport

@testable import CtxtrimCore

/// `Fixtures/compose` copied into a scratch directory, made into a git repository and bloated at test time: installed
/// dependencies, a log file, a planted secret and a `.git` directory.
struct ComposeRepository {
    let scratch: TemporaryTree
    var path: String { scratch.path }

    /// A fake AWS access key id, assembled so the repository itself holds nothing a scanner flags.
    static let plantedKey = "AK" + "IA" + "Q7W3ZK2M5N8P4R6T"

    init(git: Bool = true) throws {
        scratch = try TemporaryTree("compose")
        try scratch.copyFixture("compose")
        for index in 0..<20 {
            try scratch.write("app/node_modules/dep\(index)/index.js", String(repeating: "d", count: 500 + index))
        }
        try scratch.write("node_modules/root-dep/index.js", String(repeating: "r", count: 3000))
        try scratch.write("app/debug.log", String(repeating: "l", count: 700))
        try scratch.write("app/logs/today.log", String(repeating: "t", count: 300))
        try scratch.write("app/.env", "aws_access_key_id = \(Self.plantedKey)\n")
        if git { try GitRepository.create(in: scratch).commitAll("init") }
    }

    func write(_ relativePath: String, _ contents: String) throws {
        try scratch.write(relativePath, contents)
    }
}
