import Testing

@testable import UntrustedText

/// Names as GNU make prerequisites: specials escaped, `$` doubled, other bytes exact, what make cannot hold refused.
@Suite struct MakefileTextTests {
    static func escaped(_ name: String) -> String? {
        MakefileText.escape(Array(name.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        ("src/main.c", "src/main.c"), ("a b", "a\\ b"), ("h#x", "h\\#x"), ("d$y", "d$$y"), ("c:z", "c\\:z"),
        ("s*t", "s\\*t"), ("q?r", "q\\?r"), ("b[1]", "b\\[1\\]"), ("p%q", "p%q"), ("eq=x", "eq=x"),
        ("back\\slash", "back\\slash"), ("é.txt", "é.txt"),
    ])
    func aNameBecomesAPrerequisite(name: String, expected: String) {
        #expect(Self.escaped(name) == expected)
    }

    @Test(arguments: ["a;b", "tab\there", "new\nline", "end\\", "a\\ b", "a\\#b", "nul\u{0}", "del\u{7F}"])
    func aNameMakeCannotHoldIsRefused(name: String) {
        #expect(Self.escaped(name) == nil)
    }

    @Test func bytesThatAreNotUTF8StayExact() {
        #expect(MakefileText.escape([0x66, 0xFF, 0x20]) == [0x66, 0xFF, 0x5C, 0x20])
    }
}
