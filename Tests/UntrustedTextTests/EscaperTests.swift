import TestSupport
import Testing

@testable import UntrustedText

@Suite struct LosslessUTF8Tests {
    @Test func validUTF8StaysAsItIs() {
        #expect(LosslessUTF8.decode(Array("src/é/😀.txt".utf8)) == "src/é/😀.txt")
        #expect(!LosslessUTF8.holdsRawBytes("src/é"))
    }

    @Test func invalidBytesRoundTripAndShowAsHex() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x2F, 0xC3, 0x28, 0x62]
        let text = LosslessUTF8.decode(bytes)
        #expect(LosslessUTF8.encode(text) == bytes)
        #expect(LosslessUTF8.holdsRawBytes(text))
        #expect(TerminalText.escape(text) == "a\\xFF/\\xC3(b")
        #expect(LosslessUTF8.lossy(text) == "a\u{FFFD}/\u{FFFD}(b")
    }

    /// A name that spells a reserved scalar in valid UTF-8 must not be taken for the byte it would stand for.
    @Test func validUTF8OfAReservedScalarIsKeptByteForByte() {
        let bytes = Array("x\u{10FF41}y".utf8)
        let text = LosslessUTF8.decode(bytes)
        #expect(LosslessUTF8.encode(text) == bytes)
        #expect(text.unicodeScalars.count == 2 + bytes.count - 2)
    }

    @Test func randomBytesRoundTrip() {
        let seed = TestSeeds.one(0x5EED_0009)
        var random = SplitMix64(seed: seed)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0..<24, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = LosslessUTF8.decode(bytes)
            #expect(LosslessUTF8.encode(text) == bytes, "seed \(seed): \(bytes)")
        }
    }
}

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("a\nb", "a\\nb"), ("\u{1B}[31mred", "\\e[31mred"), ("tab\there", "tab\\there"), ("bell\u{07}", "bell\\x07"),
        ("del\u{7F}", "del\\x7F"), ("c1\u{9B}2J", "c1\\x9B2J"), ("rtl\u{202E}txt", "rtl\\u{202E}txt"),
        ("plain é 😀", "plain é 😀"),
    ])
    func escapesControls(input: String, expected: String) {
        #expect(TerminalText.escape(input) == expected)
    }

    @Test func noInputCanStartALineOrAnEscapeSequence() {
        var random = SplitMix64(seed: TestSeeds.one(0x5EED_0010))
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0..<32, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let shown = TerminalText.escape(LosslessUTF8.decode(bytes))
            #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }
}

@Suite struct GitHubCommandTextTests {
    @Test func aNameCannotEndTheCommandOrStartAnother() {
        let name = "x\n::error file=a::pwned\r%"
        #expect(GitHubCommandText.property(name) == "x%0A%3A%3Aerror file=a%3A%3Apwned%0D%25")
        #expect(GitHubCommandText.data(name) == "x%0A::error file=a::pwned%0D%25")
        #expect(GitHubCommandText.data("a,b:c") == "a,b:c")
        #expect(GitHubCommandText.property("a,b:c") == "a%2Cb%3Ac")
        #expect(GitHubCommandText.data("esc\u{1B}[2J") == "esc\\e[2J")
    }
}

@Suite struct MarkdownTextTests {
    @Test func codeSpansCannotBeClosedByTheirContent() {
        #expect(MarkdownText.code("a|b") == "`a\\|b`")
        #expect(MarkdownText.code("x`y") == "``x`y``")
        #expect(MarkdownText.code("`x") == "`` `x ``")
        #expect(MarkdownText.code("a\nb") == "`a\\nb`")
    }

    @Test func aMessageNeverCarriesLiveHTML() {
        let message = "secret file `a`<img src=x onerror=alert(1)>`.env` is sent"
        let rendered = MarkdownText.inline(message)
        #expect(!rendered.contains("<img"))
        #expect(rendered.contains("&lt;img"))
        #expect(
            MarkdownText.inline("see `<b>` and <details>\nnext")
                == "see <code>&lt;b&gt;</code> and &lt;details&gt;\\\\nnext")
        #expect(
            MarkdownText.inline("![x](http://t/p.png) [y](javascript:z)")
                == "!\\[x\\](http://t/p.png) \\[y\\](javascript:z)")
    }

    @Test func anUnbalancedBacktickIsShownLiterally() {
        #expect(MarkdownText.inline("a `b") == "a \\`b")
    }

    @Test func randomMessagesNeverOpenATag() {
        var random = SplitMix64(seed: TestSeeds.one(0x5EED_0011))
        for _ in 0..<3_000 {
            let message = random.string(Int.random(in: 0..<30, using: &random), from: "ab`<>&|[]()!\\\n *_/=\"'")
            let rendered = MarkdownText.inline(message)
            let withoutOurTags = rendered.replacingAll("<", with: "").count
            let ours = rendered.components("<code>") + rendered.components("</code>")
            #expect(rendered.count - withoutOurTags == ours, "\(message)")
            #expect(!rendered.contains("\n"))
        }
    }
}

@Suite struct ExcerptTests {
    @Test func credentialsAreNeverQuoted() {
        #expect(Excerpt.quote("GITHUB_TOKEN=ghp_abcdefghijklmnop1234") == "(37 characters, not shown)")
        #expect(Excerpt.quote("AKIAIOSFODNN7EXAMPLE12") == "(22 characters, not shown)")
    }

    @Test func tokensAreShortAndEscaped() {
        #expect(Excerpt.quote("[a-") == "\"[a-\"")
        #expect(Excerpt.quote(String(repeating: "x ", count: 40)) == "\"" + String(repeating: "x ", count: 20) + "…\"")
        #expect(Excerpt.quote("\u{1B}]0;title\u{07}") == "\"\\e]0;title\\x07\"")
    }
}

@Suite struct Base64Tests {
    @Test func roundTrips() {
        #expect(Base64.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw==")
        #expect(Base64.encode([0xFF, 0xFE]) == "//4=")
        var random = SplitMix64(seed: TestSeeds.one(0x5EED_0012))
        for _ in 0..<1_000 {
            let bytes = (0..<Int.random(in: 0..<20, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.decode("abc") == nil)
    }
}

extension String {
    /// How many times `needle` occurs, without overlaps.
    fileprivate func components(_ needle: String) -> Int {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        var count = 0
        var index = 0
        while index + pattern.count <= haystack.count {
            if Array(haystack[index..<index + pattern.count]) == pattern {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }
}
