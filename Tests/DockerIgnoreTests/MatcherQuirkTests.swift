import Testing

@testable import DockerIgnore

/// Go behaviours that are easy to get wrong, each checked against the Go oracle when written.
@Suite struct MatcherQuirkTests {
    static func verdict(_ patterns: [String], _ path: String) throws -> Bool {
        let matcher = try IgnoreMatcher(
            IgnoreFile.parse(text: patterns.joined(separator: "\n"), source: ".dockerignore"))
        return try matcher.excluded(path).excluded
    }

    @Test(
        arguments: [
            (["a*b\\"], "axb$", true),  // trailing backslash escapes the final `$`: no end anchor
            (["a*b\\"], "axb$yz", true),
            (["x|y*"], "xa/b", true),
            (["x|y*"], "q/ay", true),
            (["v{2}?"], "vvx", true),
            (["*.{js,ts}"], "a.{js,ts}", true),
            (["a^b*"], "a^b", false),
            (["\\Qa*"], "a[^/]*$zz", true),  // \Q quotes the translated star
            (["[*]"], "]", true),
            (["[*]"], "*", false),
            (["a[^x]b"], "a/b", true),
            (["a/**/x"], "a/b\nc/x", false),
            (["a?"], "a\n", true),
            // The BOM is skipped by text/scanner, but suffix slicing keeps its last byte.
            (["x", "\u{FEFF}**/foo"], "a/foo", false),
            (["*???"], "😀", false),
            (["*?"], "é", true),
            (["a\\b*"], "a", true),
            (["\\x{263a}*"], "☺x", true),
            (["\\p{Greek}*"], "αβ", true),
            (["\\PL*"], "1", true),
            (["[[:^alpha:]]*"], "1a", true),
            (["**foo"], "a/barfoo", true),
            (["a**b"], "axb", false),
            (["foo/**"], "foo", false),
            (["**/*.log"], "a\nb/x.log", false),  // `.` in `(.*/)?` does not match a newline
            (["**/*.log"], "a/x\n.log", true),
            (["**/a/*.log"], "q/a/x.log", true),
        ] as [([String], String, Bool)])
    func matchesLikeGo(patterns: [String], path: String, expected: Bool) throws {
        #expect(try Self.verdict(patterns, path) == expected)
    }

    @Test func matchTimeErrorsOnlyWhenEvaluated() throws {
        let matcher = try IgnoreMatcher(IgnoreFile.parse(text: "foo\n![z-a]", source: ".dockerignore"))
        #expect(throws: IgnoreError.self) { try matcher.excluded("foo") }
        #expect(try matcher.excluded("bar").excluded == false)
        do {
            _ = try matcher.excluded("foo")
        } catch {
            #expect(error.code == .matchError && error.line == 2 && error.pattern == "![z-a]")
        }
        for bad in ["a*[", "\\y*", "\\1*", "x{1001}*", "a{2}{2}*", "a**{2}b", "x*\\p{Nope}"] {
            let m = try IgnoreMatcher(IgnoreFile.parse(text: bad, source: ".dockerignore"))
            #expect(throws: IgnoreError.self, "\(bad)") { try m.excluded("a") }
        }
    }

    @Test func kindsAreTheCheapestExactOnes() throws {
        let text = "node_modules\nbuild/**\n**/*.log\n**/.git\n*.md\ndocs/*/x?.txt\n[ab]*\nx|y*"
        let matcher = try IgnoreMatcher(IgnoreFile.parse(text: text, source: ".dockerignore"))
        #expect(matcher.patterns.map(\.kind) == [.exact, .prefix, .glob, .suffix, .glob, .glob, .regexp, .regexp])
    }
}
