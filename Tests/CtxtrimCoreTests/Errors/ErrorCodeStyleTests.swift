import BakeReader
import ContextWalker
import CtxtrimErrors
import DockerIgnore
import DockerfileReader
import Foundation
import GitClassifier
import Testing

@testable import CtxtrimCore

/// Every error code of every module in one style, `area.kebab-case`, one area per error type, and each code's kind.
@Suite struct ErrorCodeStyleTests {
    /// An error type's codes as (area, raw values, kinds).
    struct Codes: CustomStringConvertible, Sendable {
        let area: String
        let codes: [String]
        let kinds: [String: ErrorKind]
        var description: String { area }

        init<Code: ErrorCode>(_ area: String, _: Code.Type) {
            self.area = area
            codes = Code.allCases.map(\.rawValue)
            kinds = Dictionary(uniqueKeysWithValues: Code.allCases.map { ($0.rawValue, $0.kind) })
        }
    }

    static let all: [Codes] = [
        Codes("ignore", IgnoreError.Code.self), Codes("walk", WalkError.Code.self),
        Codes("dockerfile", DockerfileError.Code.self), Codes("git", GitError.Code.self),
        Codes("context", ContextError.Code.self), Codes("input", InputError.Code.self),
        Codes("config", ConfigError.Code.self), Codes("baseline", Baseline.ReadError.Code.self),
        Codes("fix", FixError.Code.self), Codes("write", AtomicFile.WriteError.Code.self),
        Codes("monorepo", MonorepoError.Code.self), Codes("bake", BakeError.Code.self),
    ]

    static func isKebabCase(_ text: Substring) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    @Test(arguments: all)
    func codesAreNamespacedKebabCase(_ type: Codes) {
        for code in type.codes {
            let parts = code.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 2, "\(code)")
            #expect(parts.first.map(String.init) == type.area, "\(code) is not in area \(type.area)")
            #expect(parts.last.map(Self.isKebabCase) == true, "\(code)")
        }
    }

    @Test func codesAreUniqueAcrossModules() {
        let codes = Self.all.flatMap(\.codes)
        #expect(Set(codes).count == codes.count)
    }

    @Test func kindsGiveTheDocumentedExitStatuses() {
        #expect(ErrorKind.usage.exitStatus == 64)
        #expect(ErrorKind.input.exitStatus == 2)
        #expect(ErrorKind.output.exitStatus == 73)
        #expect(ErrorKind.system.exitStatus == 71)
        let kinds = Self.all.reduce(into: [String: ErrorKind]()) { $0.merge($1.kinds) { a, _ in a } }
        #expect(kinds["dockerfile.unknown-target"] == .input)
        #expect(kinds["fix.strategy"] == .usage)
        #expect(kinds["write.system-call"] == .output)
        #expect(kinds["write.read-only"] == .input)
        #expect(kinds["walk.thread-start-failed"] == .system)
        #expect(kinds["input.too-large"] == .input)
    }

    /// Regression: git diagnostics became `git.status`, `git.bare-repository`, ..., which the schema's kebab-case
    /// pattern for a diagnostic's kind rejected.
    @Test func aGitDiagnosticValidatesAgainstTheScanReportSchema() throws {
        let bare = FileManager.default.temporaryDirectory.appendingPathComponent("ctxtrim-bare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bare) }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", "--bare", bare.path]
        try git.run()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0)
        let capture = GitCapture.capture(directory: bare.path, displayPath: ".", timeout: nil)
        let diagnostic = try #require(capture.diagnostic)
        #expect(diagnostic.kind == "git.bare-repository")
        var report = SampleOutcome.failing().report
        report.git = nil
        report.diagnostics.append(diagnostic)
        let errors = try JSONSchemaValidator(schema: ReporterFixtures.scanReportSchema())
            .errors(in: JSONText.parse(report.json.rendered()))
        #expect(errors == [])
    }

    @Test func causesNameTheCallAndErrno() {
        #expect(ErrorCause.systemCall("open", errno: 2).description == "open: No such file or directory (errno 2)")
        #expect(
            ErrorCause.libraryCall("git_status_list_new", code: -1, message: "nesting too deep").description
                == "git_status_list_new returned -1: nesting too deep")
        let inner = ContextError(code: .contextNotFound, path: "x", message: "context 'x' is missing", fix: "pass one")
        #expect(ErrorCause.error(inner).description == "context 'x' is missing; pass one [context.not-found]")
    }
}
