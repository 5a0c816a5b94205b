import Foundation
import TestSupport
import Testing

/// ctxtrim's own Dockerfile and `.dockerignore` pass `ctxtrim check`, and the allow list sends exactly what the
/// build stage copies: nothing a COPY names is excluded, and nothing is sent that no COPY names.
@Suite struct OwnImageContextTests {
    static let root = PackageRoot.url.path

    /// The sources of the Dockerfile's COPY instructions that read the build context (not `--from` a stage), as
    /// context paths without a leading `./` or a trailing `/`.
    static func copiedSources() throws -> [String] {
        let dockerfile = try PackageRoot.read("Dockerfile")
        var sources: [String] = []
        for line in dockerfile.split(separator: "\n") where line.hasPrefix("COPY ") {
            let words = line.split(separator: " ").dropFirst().map(String.init)
            guard !words.contains(where: { $0.hasPrefix("--from") }) else { continue }
            let arguments = words.filter { !$0.hasPrefix("--") }
            for source in arguments.dropLast() {
                var path = source.hasPrefix("./") ? String(source.dropFirst(2)) : source
                while path.hasSuffix("/") { path.removeLast() }
                sources.append(path)
            }
        }
        return sources
    }

    @Test func checkPassesOnTheProjectRoot() throws {
        let run = try CtxtrimProcess.run(["check", Self.root, "--format", "json"])
        #expect(run.status == 0, "\(run.output)\n\(run.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let ids = Set(findings.compactMap { $0["id"] as? String })
        #expect(!ids.contains("copy-source-ignored"), "the .dockerignore excludes a COPY source")
        #expect(!ids.contains("copy-source-missing"), "a COPY source does not exist")
    }

    @Test func theContextHoldsExactlyWhatTheBuildStageCopies() throws {
        let sources = try Self.copiedSources()
        #expect(sources.contains("Sources") && sources.contains("Package.swift") && sources.contains("scripts/package"))
        let run = try CtxtrimProcess.run(["ls", Self.root, "--format", "tsv"])
        #expect(run.status == 0, "\(run.stderr)")
        let sent = run.lines.compactMap { line -> (type: String, path: String)? in
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            return fields.count == 3 ? (fields[0], fields[2]) : nil
        }
        let files = sent.filter { $0.type != "d" }.map(\.path)
        for source in sources {
            #expect(
                files.contains { $0 == source || $0.hasPrefix(source + "/") },
                "COPY \(source) finds nothing in the context the .dockerignore leaves")
        }
        for file in files {
            #expect(
                sources.contains { file == $0 || file.hasPrefix($0 + "/") },
                "\(file) is sent although no COPY reads it")
        }
    }
}
