import Foundation
import TestSupport
import Testing

/// The whole-tree conformance fixtures: `ctxtrim ls` must list exactly what BuildKit sends.
@Suite struct WalkFixtureTests {
    struct Fixture: Decodable {
        struct Tree: Decodable {
            struct File: Decodable {
                var path: String
                var size: Int?
                var content: String?
                var lines: [String]?
            }
            struct Symlink: Decodable {
                var path: String
                var target: String
            }
            var files: [File]
            var dirs: [String]?
            var symlinks: [Symlink]?
        }
        struct Run: Decodable {
            var args: [String]
            var ignore_file_used: String?
            var expected: [String]?
            var error: String?
        }
        var name: String
        var tree: Tree
        var runs: [Run]
    }

    static let fixtureFiles: [String] = {
        let directory = PackageRoot.fixtures.appendingPathComponent("walk")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test func allFourFixturesArePresent() {
        #expect(Self.fixtureFiles.count == 4)
    }

    @Test(arguments: fixtureFiles)
    func lsListsExactlyWhatBuildKitSends(file: String) throws {
        let data = try Data(contentsOf: PackageRoot.fixtures.appendingPathComponent("walk/\(file)"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        let tree = try TemporaryTree(fixture.name)
        for entry in fixture.tree.files {
            if let lines = entry.lines {
                try tree.write(entry.path, lines.joined(separator: "\n") + "\n")
            } else if let content = entry.content {
                try tree.write(entry.path, content)
            } else {
                try tree.write(entry.path, String(repeating: "x", count: entry.size ?? 0))
            }
        }
        for directory in fixture.tree.dirs ?? [] { try tree.makeDirectory(directory) }
        for link in fixture.tree.symlinks ?? [] { try tree.symlink(link.path, to: link.target) }

        for run in fixture.runs {
            var arguments = ["ls", tree.path, "--format", "tsv"]
            var index = 0
            while index < run.args.count {
                switch run.args[index] {
                case "--dockerfile": arguments += ["-f", tree.path + "/" + run.args[index + 1]]
                case "--ignorefile": arguments += ["--ignore-file", tree.path + "/" + run.args[index + 1]]
                default: Issue.record("unknown fixture argument \(run.args[index])")
                }
                index += 2
            }
            let result = try CtxtrimProcess.run(arguments)
            if let expected = run.expected {
                #expect(result.status == 0, "\(fixture.name) \(run.args): \(result.stderr)")
                #expect(result.lines == expected, "\(fixture.name) \(run.args)")
            } else {
                #expect(result.status == 2, "\(fixture.name) \(run.args) should fail: \(run.error ?? "")")
            }
            let scan = try CtxtrimProcess.run(
                ["scan", tree.path, "--format", "json", "--no-git", "--no-findings"] + arguments[4...])
            let report = try JSONSerialization.jsonObject(with: scan.stdout) as? [String: Any]
            let context = report?["context"] as? [String: Any]
            #expect(context?["ignoreFile"] as? String == run.ignore_file_used, "\(fixture.name) \(run.args)")
        }
    }
}
