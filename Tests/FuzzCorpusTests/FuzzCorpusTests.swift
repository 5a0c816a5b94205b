import Foundation
import FuzzSupport
import TestSupport
import Testing
import UntrustedText
import fuzz_bake
import fuzz_compose
import fuzz_config
import fuzz_dockerfile
import fuzz_escapers
import fuzz_ignore

/// Replays every seed and regression input of every fuzz target through its check, in process and without
/// libFuzzer, so CI exercises what the fuzzers found.
@Suite struct FuzzCorpusTests {
    static let fixtures = PackageRoot.fixtures.appendingPathComponent("fuzz").path

    static let checks: [String: FuzzCheck] = [
        "fuzz-ignore": IgnoreFuzzTarget.check,
        "fuzz-dockerfile": DockerfileFuzzTarget.check,
        "fuzz-config": ConfigFuzzTarget.check,
        "fuzz-compose": ComposeFuzzTarget.check,
        "fuzz-bake": BakeFuzzTarget.check,
        "fuzz-escapers": EscaperFuzzTarget.check,
    ]

    /// The outcome of replaying one corpus file: `nil` when it behaved.
    static func replay(_ target: String, _ file: String) -> String? {
        guard let check = checks[target], let bytes = FuzzCorpus.contents(of: file) else {
            return "cannot read \(file)"
        }
        return bytes.withUnsafeBytes(check)
    }

    @Test(arguments: FuzzCorpus.targets)
    func everySeedAndRegressionBehaves(target: String) {
        let files = FuzzCorpus.files(at: "\(Self.fixtures)/\(target)")
        #expect(files.count >= 5, "\(target) has \(files.count) corpus files")
        for file in files {
            let failure = Self.replay(target, file)
            #expect(failure == nil, "\(file): \(failure ?? "")")
        }
    }

    /// `fuzz-escapers` found that an empty name became "``", which Markdown reads as two backticks, not a code span.
    @Test func emptyTextIsStillAFencedCodeSpan() {
        #expect(Self.replay("fuzz-escapers", "\(Self.fixtures)/fuzz-escapers/regressions/empty-code-span") == nil)
        #expect(MarkdownText.code("") == "` `")
    }

    /// `fuzz-escapers` found that a combining mark after a backtick, `|`, `<`, `[` or `"` hid it from the escapers,
    /// which compared Characters while Markdown and HTML read the punctuation alone.
    @Test func combiningMarkAfterPunctuationIsStillEscaped() {
        #expect(
            Self.replay("fuzz-escapers", "\(Self.fixtures)/fuzz-escapers/regressions/combining-mark-after-punctuation")
                == nil)
        #expect(MarkdownText.code("a`\u{301}b") == "``a`\u{301}b``")
        #expect(MarkdownText.code("|\u{301}") == "`\\|\u{301}`")
        #expect(MarkdownText.text("[\u{301}x](u)") == "\\[\u{301}x\\](u)")
        #expect(HTMLText.escape("\"\u{301}") == "&quot;\u{301}")
    }

    @Test func everyTargetHasACheck() {
        #expect(Set(Self.checks.keys) == Set(FuzzCorpus.targets))
    }
}
