import ContextWalker
import CtxtrimErrors
import DockerIgnore
import DockerfileReader
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
        Codes("monorepo", MonorepoError.Code.self),
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
        #expect(kinds["dockerfile.unknown-target"] == .usage)
        #expect(kinds["fix.strategy"] == .usage)
        #expect(kinds["write.system-call"] == .output)
        #expect(kinds["write.read-only"] == .input)
        #expect(kinds["walk.thread-start-failed"] == .system)
        #expect(kinds["input.too-large"] == .input)
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
