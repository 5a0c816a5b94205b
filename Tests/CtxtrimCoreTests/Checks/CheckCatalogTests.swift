import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// The one catalogue: every emitted finding has a descriptor and names a subject its descriptor declares; ids, order
/// and families are said once.
@Suite struct CheckCatalogTests {
    static let seed: UInt64 = 0xCA7A_1090_0000_0001

    /// A real scan (the scan pipeline, no git) of the context at `path`.
    static func scan(_ path: String, dockerfile: String? = nil, git: Bool = false) throws -> ScanReport {
        let context = try BuildContext.resolve(context: path, dockerfile: dockerfile, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.git = git
        options.threads = 2
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
    }

    /// Records an issue for every finding whose id has no descriptor, or whose subject kind its descriptor does not
    /// declare. Returns the ids seen.
    @discardableResult
    static func expectDescribed(_ findings: [Finding], _ origin: String) -> Set<CheckID> {
        for finding in findings {
            guard let descriptor = CheckCatalog.descriptor(for: finding.check) else {
                Issue.record("\(origin): `\(finding.check)` (\(finding.path)) has no descriptor in CheckCatalog")
                continue
            }
            #expect(
                descriptor.subjects.contains(finding.subject.kind),
                "\(origin): \(finding.check) names a \(finding.subject.kind) (\(finding.path))")
        }
        return Set(findings.map(\.check))
    }

    /// A context on disk that triggers every walk check but `unreadable` and most ignore-file lint and hints.
    static func plantedContext(_ scratch: TemporaryTree) throws {
        var random = SplitMix64(seed: seed)
        try scratch.write("Dockerfile", "FROM golang\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build .\n")
        try scratch.write("go.mod", "module example.com/app\n")
        try scratch.write(
            ".dockerignore", "*.tmp # scratch files\n*.never-there\nvendor-cache\n!**/keep-*\nnode_modules\n")
        try scratch.write(".env", "TOKEN=1\n")
        try scratch.write("config/settings.txt", "one\n\(FakeSecret.all(using: &random)[0].text)\n")
        try scratch.write(".git/HEAD", "ref: refs/heads/main\n")
        try scratch.write(".git/config", "[core]\n")
        try scratch.write("packages/api/node_modules/left-pad/index.js", "module.exports = 1\n")
        try scratch.write("packages/api/node_modules/left-pad/package.json", "{}\n")
        try scratch.write("dist/bundle.js", "x\n")
        try scratch.write(".idea/workspace.xml", "<project/>\n")
        try scratch.write("debug.log", "started\n")
        try scratch.write("logs/today.txt", "started\n")
        try scratch.write(".Dockerfile.ctxtrim-tmp-a1B2c3", "")
        try scratch.write("sub/.dockerignore", "*\n")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("outside").path, withDestinationPath: "/etc/hostname")
    }

    @Test func everyFindingOfRealScansHasADescriptor() throws {
        var seen: Set<CheckID> = []
        let planted = try TemporaryTree("catalogue")
        try Self.plantedContext(planted)
        seen.formUnion(Self.expectDescribed(try Self.scan(planted.path).findings, "planted context"))

        let bare = try TemporaryTree("catalogue-bare")
        try bare.write("Dockerfile", "FROM node:22\nCOPY . .\nRUN npm ci\n")
        try bare.write("package.json", "{}\n")
        try bare.write("node_modules/left-pad/index.js", "module.exports = 1\n")
        try bare.write("node_modules/left-pad/package.json", "{}\n")
        seen.formUnion(Self.expectDescribed(try Self.scan(bare.path).findings, "context without ignore file"))

        let repository = try TemporaryTree("catalogue-git")
        try repository.write("Dockerfile", "FROM alpine:3.20\nCOPY . /app\n")
        try repository.write(".dockerignore", "Dockerfile\n")
        try repository.write(".gitignore", "scratch/\nnotes.txt\n")
        try repository.write("scratch/a.bin", "x\n")
        try repository.write("notes.txt", "x\n")
        // An untracked 12 MiB dump, sparse: `large-file` and `untracked-bulk`.
        let dump = try #require(FileHandle(forWritingAtPath: try repository.write("dump.sql", "")))
        try dump.truncate(atOffset: 12 << 20)
        try dump.close()
        let git = GitRepository(at: repository.path)
        try git.initialize()
        try git.add(["Dockerfile", ".gitignore"])
        try git.commit("build files")
        seen.formUnion(
            Self.expectDescribed(try Self.scan(repository.path, git: true).findings, "git repository"))

        let shadowed = try TemporaryTree("catalogue-shadowed")
        try shadowed.write("docker/app.Dockerfile", "FROM alpine:3.20\nCOPY main.sh /\n")
        try shadowed.write("docker/app.Dockerfile.dockerignore", "*.tmp\n")
        try shadowed.write(".dockerignore", "*.log\n")
        try shadowed.write("main.sh", "echo hi\n")
        seen.formUnion(
            Self.expectDescribed(
                try Self.scan(shadowed.path, dockerfile: shadowed.path + "/docker/app.Dockerfile").findings,
                "shadowed ignore file"))

        // Every lint example is a small real context: write it and scan it through the pipeline.
        for descriptor in LintRegistry.descriptors {
            for example in descriptor.examples {
                let scratch = try TemporaryTree("catalogue-lint")
                for (path, text) in example.files {
                    if path.hasSuffix("/") { try scratch.makeDirectory(path) } else { try scratch.write(path, text) }
                }
                let origin = "\(descriptor.id): \(example.label)"
                seen.formUnion(Self.expectDescribed(try Self.scan(scratch.path).findings, origin))
            }
        }

        // The repository's own fixture projects, scanned where they are (nothing is written).
        let fixtures = Self.packageRoot.appendingPathComponent("Fixtures")
        let projects = fixtures.appendingPathComponent("projects")
        for name in try FileManager.default.contentsOfDirectory(atPath: projects.path).sorted() {
            let report = try Self.scan(projects.appendingPathComponent(name).path)
            seen.formUnion(Self.expectDescribed(report.findings, "Fixtures/projects/\(name)"))
        }
        seen.formUnion(
            Self.expectDescribed(
                try Self.scan(fixtures.appendingPathComponent("demo").path).findings, "Fixtures/demo"))

        // Declaration findings come from `--all` only (DeclarationFindingsTests).
        let walkAndLint = Set(
            CheckCatalog.all.filter { $0.family.isConfigurable && $0.family != .declaration }.map(\.id))
        // `unreadable` needs a permission the test may not be able to take away (root reads everything).
        #expect(walkAndLint.subtracting(seen) == [.unreadable], "ids no real scan produced")
    }

    @Test func everyFindingOfTheReporterOutcomesHasADescriptor() {
        let failing = SampleOutcome.failing()
        Self.expectDescribed(failing.report.findings, "SampleOutcome.failing")
        Self.expectDescribed(SampleOutcome.passing().report.findings, "SampleOutcome.passing")
        var random = SplitMix64(seed: Self.seed)
        for index in 0..<200 {
            var outcome = RandomOutcome.make(using: &random)
            Self.expectDescribed(outcome.report.findings, "RandomOutcome #\(index)")
            for annotation in outcome.annotations(pathPrefix: "") {
                #expect(CheckCatalog.descriptor(for: annotation.rule) != nil, "\(annotation.rule)")
            }
        }
        for violation in failing.violations {
            #expect(CheckCatalog.descriptor(for: violation.rule) != nil, "\(violation.rule)")
        }
    }

    @Test func aSecretTheDockerfileCopiesIsAFixProblemWithADescriptor() throws {
        let scratch = try TemporaryTree("catalogue-fix")
        try scratch.write("Dockerfile", "FROM alpine:3.20\nCOPY config/ /etc/app/\n")
        try scratch.write("config/.env", "TOKEN=1\n")
        let report = try Self.scan(scratch.path)
        let context = try BuildContext.resolve(context: scratch.path, dockerfile: nil, ignoreFileOverride: nil)
        let plan = try FixPlanner.plan(
            report: report, analysis: DockerfileAnalysis.load(context: context), strategy: .deny)
        #expect(plan.problems.map(\.check) == [.secretCopied])
        #expect(plan.problems.first?.subject == .file("config/.env"))
        Self.expectDescribed(plan.problems, "fix plan")
    }

    @Test func idsAreUniqueAndRegistriesFollowTheCatalogueOrder() {
        let ids = CheckCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(
            CheckRegistry.ids + LintRegistry.ids
                == ids.filter {
                    let family = CheckCatalog.descriptor(for: $0)!.family
                    return family.isConfigurable && family != .declaration
                })
        #expect(CheckRegistry.ids.allSatisfy { CheckCatalog.descriptor(for: $0)?.family == .walk })
        #expect(ids.map(CheckCatalog.rank(of:)) == Array(0..<ids.count))
        #expect(CheckCatalog.rank(of: "no-such-check") == ids.count)
        for descriptor in CheckCatalog.all {
            #expect(!descriptor.subjects.isEmpty, "\(descriptor.id) names no subject")
        }
    }

    @Test func configAcceptsExactlyTheFindingsTheGateGrades() {
        #expect(CheckCatalog.configurableIDs.contains(.ignoreFileMissing))
        #expect(!CheckCatalog.configurableIDs.contains(.contextBudget))
        #expect(!CheckCatalog.configurableIDs.contains(.secretCopied))
        #expect(CheckCatalog.deprecatedAliases.keys.allSatisfy { CheckCatalog.descriptor(for: CheckID($0)) == nil })
    }

    @Test func fixGroupsComeFromTheCatalogueInTheirFormerOrder() {
        #expect(
            FixPlanner.reasons.map(\.check) == [
                .secretFile, .secretContent, .vcsDir, .dependencyDir, .buildOutput, .editorJunk, .logFile, .largeFile,
                .unreadable,
            ])
        #expect(
            FixPlanner.reasons.map(\.reason) == [
                "secrets", "secrets", "version control", "dependencies", "build output", "editor and OS junk", "logs",
                "bulk", "unreadable entries",
            ])
    }

    @Test func idsEncodeAsTheirKebabCaseString() throws {
        let finding = Finding(
            check: .ignoreRootOnlyName, severity: .warning, subject: .ignoreFileLine(".dockerignore", line: 3),
            message: "m", bytes: 0, files: 0)
        let data = try JSONEncoder().encode(finding)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"check\":\"ignore-root-only-name\""))
        #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
        #expect(finding.json.rendered(indent: 0).contains("\"subject\":\"ignore-file-line\""))
    }

    @Test func checksJSONListsEveryDescriptorInOrder() throws {
        guard case .array(let items) = CheckCatalog.json else { return #expect(Bool(false), "not an array") }
        let ids = items.compactMap { item -> String? in
            if case .object(let members) = item, case .string(let id) = members["id"] { id } else { nil }
        }
        #expect(ids == CheckCatalog.all.map(\.id.rawValue))
        let missing = items.first {
            if case .object(let members) = $0 { members["id"] == .string("ignore-file-missing") } else { false }
        }
        guard case .object(let members) = missing else { return #expect(Bool(false), "no ignore-file-missing") }
        #expect(members["deprecatedIds"] == .array([.string("missing-ignore-file")]))
        #expect(members["subjects"] == .array([.string("ignore-file")]))
        #expect(members["family"] == .string("ignore-file"))
    }

    @Test func schemaListsEverySubjectKind() throws {
        let schema = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("schemas/scan-report.schema.json"), encoding: .utf8)
        let kinds = FindingSubject.Kind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",\n            ")
        #expect(schema.contains("\"enum\": [\n            \(kinds)\n          ]"))
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
