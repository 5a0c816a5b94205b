import DockerIgnore
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// On generated cluttered trees, some in git with tracked files, with random Dockerfiles, a second one sharing the
/// context and its ignore file: what `fix` writes for the first never drops a file a source of either reads nor
/// (under `COPY . .`) a tracked file, a second run changes nothing, and a second
/// round of clutter of the same kinds, planted afterwards under new names, is kept out by what it wrote.
@Suite struct FixKindPropertyTests {
    static let directories = ["src", "lib", "app", "web", "svc/api", "tools", "docs"]
    /// Clutter by kind, and the name a later file of that kind gets.
    static let clutter: [(name: String, later: String, kind: String)] = [
        (".main.c.swp", ".other.go.swp", "**/*.swp"),
        ("notes.txt~", "todo.md~", "**/*~"),
        (".DS_Store", ".DS_Store", "**/.DS_Store"),
        ("debug.log", "cron.log", "**/*.log"),
        (".env", ".env", "**/.env"),
        (".env.local", ".env.staging", "**/.env.*"),
        ("dev-key.pem", "prod.pem", "**/*.pem"),
        ("node_modules/pkg/index.js", "node_modules/other/index.js", "**/node_modules"),
        ("__pycache__/m.cpython-312.pyc", "__pycache__/n.cpython-312.pyc", "**/__pycache__"),
    ]
    static let sources = ["main.c", "index.js", "README.md", "package.json", ".env.example"]

    @Test(arguments: TestSeeds.list([0x000C_1A55]))
    func kindsKeepEverySourceAreIdempotentAndCatchTheNextRound(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var planted = 0
        for round in 0..<24 {
            let tree = try TemporaryTree("fix-kind-property")
            var files: [String] = []
            for _ in 0..<Int.random(in: 6...16, using: &random) {
                let directory = Bool.random(using: &random) ? Self.directories.randomElement(using: &random)! + "/" : ""
                let name =
                    Bool.random(using: &random)
                    ? Self.clutter.randomElement(using: &random)!.name : Self.sources.randomElement(using: &random)!
                let path = directory + name
                guard !files.contains(path) else { continue }
                try tree.write(path, String(repeating: "x", count: Int.random(in: 1...300, using: &random)))
                files.append(path)
            }
            var sources: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let parts = files.randomElement(using: &random)!.split(separator: "/")
                sources.append(parts.prefix(Int.random(in: 1...parts.count, using: &random)).joined(separator: "/"))
            }
            let copiesAll = Int.random(in: 0..<3, using: &random) == 0
            try tree.write(
                "Dockerfile",
                "FROM alpine:3.20\n" + sources.map { "COPY \($0) /dst/\($0)\n" }.joined()
                    + (copiesAll ? "COPY . /all\n" : ""))
            // Another build of the same context, reading the same ignore file: fix must protect its sources too.
            let workerSources = (0..<Int.random(in: 1...2, using: &random)).map { _ in
                files.randomElement(using: &random)!
            }
            try tree.write(
                "worker.Dockerfile", "FROM alpine:3.20\n" + workerSources.map { "COPY \($0) /w/\($0)\n" }.joined())
            sources += workerSources
            let inGit = Bool.random(using: &random)
            var tracked: [String] = []
            if inGit {
                tracked = files.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
                let repository = try GitRepository.create(in: tree)
                try repository.add(["-f", "--", "Dockerfile", "worker.Dockerfile"] + tracked)
                try repository.commit()
            }
            let label =
                "\(TestSeeds.describe(seed)) round \(round) sources \(sources) all \(copiesAll) tracked \(tracked)"

            let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
            var options = IgnoreFileFixer.Options()
            options.git = inGit
            options.strategy = [.deny, .auto].randomElement(using: &random)!
            let outcome = try IgnoreFileFixer(context: context, options: options).run()
            let written = Array(try Data(contentsOf: tree.url.appendingPathComponent(".dockerignore")))
            let matcher = try IgnoreRules(bytes: written, source: ".dockerignore").matcher

            for file in files where sources.contains(where: { file == $0 || file.hasPrefix($0 + "/") }) {
                #expect(try matcher.sent(file).sent, "\(label): \(file), which a source reads, is excluded")
            }
            if copiesAll {
                for file in tracked {
                    #expect(try matcher.sent(file).sent, "\(label): tracked \(file) is excluded under COPY . .")
                }
            }
            #expect(!(try IgnoreFileFixer(context: context, options: options).run().wrote), "\(label): rewrote")

            // The next round: for each kind written, a new file of it where no build looks.
            for (index, kind) in Self.clutter.enumerated() where outcome.plan.kindPatterns.contains(kind.kind) {
                let path = "later\(index)/deeper/" + kind.later
                try tree.write(path, "new")
                planted += 1
                #expect(!(try matcher.sent(path).sent), "\(label): \(path) of kind \(kind.kind) is sent")
            }
        }
        // Kinds are written often enough for the second round to mean something.
        #expect(planted >= 24, "only \(planted) files planted in the second round")
    }
}
