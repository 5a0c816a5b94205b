import Digest
import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// `ctxtrim digest` changes when and only when something the build transfers or reads changes: a transferred
/// byte, path, mode or link, the Dockerfile, the ignore file, the target or an argument. Nothing else moves it.
@Suite(.serialized) struct ContextDigestTests {
    /// A Go service in the shape real ones take: manifests first, then the sources; a README, an `.env` and a
    /// `docs/` folder that the build does not read.
    static func service() throws -> TemporaryTree {
        let tree = try TemporaryTree("digest")
        try tree.write(
            "Dockerfile",
            """
            FROM golang:1.22 AS build
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN go mod download
            COPY cmd/ ./cmd/
            COPY internal ./internal
            RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app
            FROM scratch
            COPY --from=build /out/app /app
            ENTRYPOINT ["/app"]

            """)
        try tree.write(".dockerignore", ".env\n*.log\n")
        try tree.write("go.mod", "module example.com/app\n\ngo 1.22\n")
        try tree.write("go.sum", "example.com/dep v1.0.0 h1:abc=\n")
        try tree.write("cmd/app/main.go", "package main\n\nfunc main() {}\n")
        try tree.write("internal/store/store.go", "package store\n")
        try tree.symlink("internal/current", to: "store")
        try tree.write("README.md", "# app\n")
        try tree.write("docs/guide.md", "guide\n")
        try tree.write(".env", "TOKEN=1\n")
        try tree.write("debug.log", "log\n")
        return tree
    }

    static func report(
        _ tree: TemporaryTree, cache: DigestCache = .none, target: String? = nil, arguments: [String: String] = [:],
        threads: Int = 2, named: [NamedBuildContext] = []
    ) throws -> ScanReport {
        let context = try BuildContext.resolve(context: tree.path(""), dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = false
        options.findings = false
        options.measureExcluded = false
        options.suggestionRate = nil
        options.threads = threads
        options.target = target
        options.buildArgs = arguments
        options.namedContexts = named
        options.digest = DigestSettings(cache: cache)
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
    }

    static func digest(_ tree: TemporaryTree, target: String? = nil, arguments: [String: String] = [:]) throws
        -> String
    {
        try #require(try report(tree, target: target, arguments: arguments).buildDigest).label
    }

    /// What one change does to the tree, and whether the build would see it.
    struct Change: Sendable, CustomTestStringConvertible {
        let name: String
        let changesDigest: Bool
        let apply: @Sendable (TemporaryTree) throws -> Void
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "a transferred file's content", changesDigest: true) {
            _ = try $0.write("cmd/app/main.go", "package main\n\nfunc main() { println() }\n")
        },
        Change(name: "a transferred file's bytes, same size", changesDigest: true) {
            _ = try $0.write("go.sum", "example.com/dep v1.0.0 h1:abd=\n")
        },
        Change(name: "a transferred file's mode", changesDigest: true) {
            _ = chmod($0.path("internal/store/store.go"), 0o755)
        },
        Change(name: "a transferred file renamed", changesDigest: true) {
            _ = rename($0.path("internal/store/store.go"), $0.path("internal/store/db.go"))
        },
        Change(name: "a file added to a copied directory", changesDigest: true) {
            _ = try $0.write("cmd/app/flags.go", "package main\n")
        },
        Change(name: "an empty directory added to a copied directory", changesDigest: true) {
            try $0.makeDirectory("internal/empty")
        },
        Change(name: "a transferred symlink's target", changesDigest: true) {
            _ = unlink($0.path("internal/current"))
            try $0.symlink("internal/current", to: "store/store.go")
        },
        Change(name: "the Dockerfile", changesDigest: true) {
            _ = try $0.write("Dockerfile", try String(contentsOfFile: $0.path("Dockerfile"), encoding: .utf8) + "# x\n")
        },
        Change(name: "the ignore file", changesDigest: true) {
            _ = try $0.write(".dockerignore", ".env\n*.log\n# keep logs out\n")
        },
        Change(name: "a transferred file's mtime", changesDigest: false) {
            var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, $0.path("go.mod"), &times, 0)
        },
        Change(name: "a transferred file's owner", changesDigest: false) {
            _ = chown($0.path("go.mod"), 4321, 4321)
        },
        Change(name: "a file the ignore file keeps out", changesDigest: false) {
            _ = try $0.write(".env", "TOKEN=2\n")
        },
        Change(name: "a sent file no source reads", changesDigest: false) {
            _ = try $0.write("README.md", "# app, documented\n")
        },
        Change(name: "a new file outside every source", changesDigest: false) {
            _ = try $0.write("docs/new.md", "new\n")
        },
    ]

    @Test(arguments: changes) func digestMovesExactlyWithWhatTheBuildSees(_ change: Change) throws {
        let tree = try Self.service()
        let before = try Self.digest(tree)
        try change.apply(tree)
        let after = try Self.digest(tree)
        #expect((before != after) == change.changesDigest, "\(change.name)")
    }

    @Test func targetAndArgumentsAreCovered() throws {
        let tree = try Self.service()
        let plain = try Self.digest(tree)
        #expect(try Self.digest(tree, target: "build") != plain)
        #expect(try Self.digest(tree, arguments: ["VERSION": "1"]) != plain)
        #expect(try Self.digest(tree, arguments: ["VERSION": "1"]) == Self.digest(tree, arguments: ["VERSION": "1"]))
    }

    /// Each source's digest moves with its own files only, so the JSON says which `COPY` a change reached.
    @Test func eachSourceDigestMovesWithItsOwnFiles() throws {
        let tree = try Self.service()
        let before = try #require(try Self.report(tree).contextDigest)
        _ = try tree.write("go.mod", "module example.com/app\n\ngo 1.23\n")
        let after = try #require(try Self.report(tree).contextDigest)
        #expect(before.sources.map(\.source) == ["go.mod", "go.sum", "cmd/", "internal"])
        let moved = zip(before.sources, after.sources).filter { $0.digest != $1.digest }.map(\.0.source)
        #expect(moved == ["go.mod"])
        #expect(before.sources.map(\.entries) == [1, 1, 3, 4])
        #expect(before.entries == 9, "go.mod, go.sum, cmd, cmd/app, main.go, internal, store, store.go, current")
    }

    /// The encoding `docs/digest.md` writes up, computed here from the tree by hand.
    @Test func encodingIsTheDocumentedOne() throws {
        let tree = try TemporaryTree("digest-encoding")
        try tree.write("Dockerfile", "FROM scratch\nCOPY app /app\n")
        try tree.write("app/run", "#!/bin/sh\n")
        _ = chmod(tree.path("app/run"), 0o755)
        _ = chmod(tree.path("app"), 0o750)
        try tree.symlink("app/start", to: "run")
        func hex(_ text: String) -> String { Digest.hex(Digest.sha256(Array(text.utf8))) }
        let context =
            "ctxtrim context digest v1\n" + "d 0750 3:app -\n"
            + "f 0755 7:app/run 10 sha256:\(hex("#!/bin/sh\n"))\n" + "l 0777 9:app/start 3:run\n"
        let build =
            "ctxtrim build digest v1\n" + "dockerfile sha256:\(hex("FROM scratch\nCOPY app /app\n"))\n"
            + "ignore-file none\n" + "target none\n" + "context 1:. sha256:\(hex(context))\n"
        let report = try Self.report(tree)
        #expect(report.contextDigest.map { Digest.hex($0.digest) } == hex(context))
        #expect(report.buildDigest?.label == "sha256:" + hex(build))
    }

    /// Two copies of a random tree, made in opposite orders and walked with different thread counts, with and
    /// without a cache, have one digest; a change of one byte in either moves it.
    @Test(arguments: TestSeeds.list([11, 12, 13])) func equalOnCopiesMadeInDifferentOrders(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var files: [(String, String, mode_t)] = []
        for index in 0..<60 {
            let depth = Int(random.next() % 4)
            let directories = (0..<depth).map { _ in random.string(3, from: "abcxyz") }
            let name = random.string(5, from: "abcdefgh \u{e9}-_.") + "\(index)"
            let path = (directories + [name]).joined(separator: "/")
            let content = random.string(Int(random.next() % 3000), from: "01ab\n")
            files.append((path, content, random.next() % 2 == 0 ? 0o644 : 0o755))
        }
        let first = try TemporaryTree("digest-order-a")
        let second = try TemporaryTree("digest-order-b")
        for (tree, order) in [(first, files), (second, files.reversed())] {
            try tree.write("Dockerfile", "FROM scratch\nCOPY . /src\n")
            for (path, content, mode) in order {
                _ = try tree.write(path, content)
                _ = chmod(tree.path(path), mode)
            }
        }
        let cacheDirectory = try TemporaryTree("digest-cache")
        let one = try #require(try Self.report(first, threads: 1).buildDigest)
        let two = try #require(
            try Self.report(
                second, cache: DigestCache.load(directory: cacheDirectory.path(""), root: second.path("")), threads: 2
            ).buildDigest)
        #expect(one.label == two.label)
        let (path, content, _) = files[Int(random.next() % UInt64(files.count))]
        _ = try second.write(path, content + "!")
        #expect(try Self.report(second, threads: 2).buildDigest?.label != one.label)
    }

    /// A second digest of an unchanged tree reads no file; a file rewritten with the same size and its mtime put
    /// back is read again (its ctime moved), and the digest says so.
    @Test func cacheSkipsUnchangedFilesAndCatchesRewrites() throws {
        let tree = try Self.service()
        let cacheDirectory = try TemporaryTree("digest-cache")
        func cache() -> DigestCache { DigestCache.load(directory: cacheDirectory.path(""), root: tree.path("")) }
        // Files changed within two seconds of a digest are not cached ("racily clean"): age the tree first.
        Thread.sleep(forTimeInterval: 2.2)
        let cold = try Self.report(tree, cache: cache())
        #expect(cold.digestCacheHits == 0)
        #expect(cold.digestHashedBytes > 0)
        let warm = try Self.report(tree, cache: cache())
        #expect(warm.digestCacheHits == 4, "go.mod, go.sum, main.go, store.go and nothing else")
        #expect(warm.digestHashedBytes == 0)
        #expect(warm.buildDigest == cold.buildDigest)

        var info = stat()
        _ = stat(tree.path("go.sum"), &info)
        _ = try tree.write("go.sum", "example.com/dep v1.0.0 h1:abd=\n")
        var times = [info.st_atim, info.st_mtim]
        _ = utimensat(AT_FDCWD, tree.path("go.sum"), &times, 0)
        let rewritten = try Self.report(tree, cache: cache())
        #expect(rewritten.digestCacheHits == 3)
        #expect(rewritten.buildDigest?.label != cold.buildDigest?.label)
        #expect(rewritten.buildDigest?.label == (try Self.report(tree).buildDigest?.label))
    }

    /// A cache file that is not one (truncated, foreign, out of order) is no cache: nothing is trusted from it.
    @Test func malformedCacheIsIgnored() throws {
        let tree = try Self.service()
        let cacheDirectory = try TemporaryTree("digest-cache")
        let cache = DigestCache.load(directory: cacheDirectory.path(""), root: tree.path(""))
        let path = try #require(cache.path)
        for junk in ["ctxtrim digest cache v1\nshort", "not a cache at all, but long enough to look like one......"] {
            try Data(junk.utf8).write(to: URL(fileURLWithPath: path))
            let loaded = DigestCache.load(directory: cacheDirectory.path(""), root: tree.path(""))
            #expect(loaded.entries.isEmpty)
            #expect(try Self.report(tree, cache: loaded).buildDigest?.label == (try Self.digest(tree)))
        }
    }

    /// A named context is covered by its own digest: changing it moves the build's digest, not the main context's.
    @Test func namedContextIsCovered() throws {
        let tree = try TemporaryTree("digest-named")
        try tree.write("app/Dockerfile", "FROM alpine:3.20\nCOPY --from=lib util.sh /x/\nCOPY app.py /app/\n")
        try tree.write("app/app.py", "print('hi')\n")
        try tree.write("lib/util.sh", "echo util\n")
        let named = [NamedBuildContext(name: "lib", value: .local(path: tree.path("lib")))]
        func digest() throws -> BuildDigest {
            let context = try BuildContext.resolve(context: tree.path("app"), dockerfile: nil, ignoreFileOverride: nil)
            var options = ContextScanner.Options()
            options.git = false
            options.findings = false
            options.namedContexts = named
            options.digest = DigestSettings(cache: .none)
            return try #require(
                try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
                    .buildDigest)
        }
        let before = try digest()
        #expect(before.contexts.map(\.name) == [".", "lib"])
        _ = try tree.write("lib/util.sh", "echo changed\n")
        let after = try digest()
        #expect(after.label != before.label)
        #expect(after.contexts[0] == before.contexts[0])
    }
}

/// `digest --format json` validates against `schemas/digest.schema.json`, and the schema is not vacuous.
@Suite struct DigestSchemaTests {
    @Test func digestJSONValidates() throws {
        let tree = try ContextDigestTests.service()
        let report = try ContextDigestTests.report(tree)
        let outcome = DigestOutcome(reports: [(nil, report)], all: false)
        let text = outcome.json(toolVersion: "0.2.0").rendered()
        let schema = try JSONSchemaValidator(
            schema: JSONText.parse(PackageRoot.read("schemas/digest.schema.json")))
        #expect(schema.errors(in: try JSONText.parse(text)) == [])
        let broken = text.replacingOccurrences(of: "\"digest\": \"sha256:", with: "\"digest\": \"md5:")
        #expect(broken != text)
        #expect(!schema.errors(in: try JSONText.parse(broken)).isEmpty)
    }
}
