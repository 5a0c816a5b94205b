import CtxtrimErrors
import Foundation
import TestSupport
import Testing

@testable import DockerIgnore

/// Reading ignore files exactly like `ignorefile.ReadAll`.
@Suite struct IgnoreFileTests {
    /// Reads `bytes` from a real file created in a fresh temporary directory.
    static func readFromDisk(_ bytes: [UInt8]) throws -> IgnoreFile {
        let directory = try TemporaryTree("ignore-file")
        let path = try directory.write(".dockerignore", data: Data(bytes))
        return try IgnoreFile.parse(
            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: ".dockerignore")
    }

    static func patterns(_ text: String) throws -> [String] {
        try readFromDisk(Array(text.utf8)).rules.map(\.displayPattern)
    }

    @Test(arguments: [
        ("\u{FEFF}foo\n\u{FEFF}bar", ["foo", "\u{FEFF}bar"]),
        ("a\r\nb\r\n\r\n", ["a", "b"]),
        ("a\r\r\n", ["a"]),
        ("#c\n  #d\nfoo # bar", ["#d", "foo # bar"]),
        ("\u{FEFF}#comment\nx", ["x"]),
        ("\u{00A0}a\u{2003}\n\u{0085}b\u{3000}", ["a", "b"]),
        ("\u{200B}a\n\u{FEFF}", ["\u{200B}a", "\u{FEFF}"]),
        ("!  foo\n! /bar/\n!", ["!foo", "!bar", "!"]),
        ("/foo/\n./foo\na//b\nb/../a\na/..\n../foo\n/", ["foo", "foo", "a/b", "a", ".", "../foo", "/"]),
        ("a/b/../../c\n\t\n  \n", ["c"]),
    ])
    func readsLikeReadAll(text: String, expected: [String]) throws {
        #expect(try Self.patterns(text) == expected)
    }

    @Test func keepsSourceLineAndRawText() throws {
        let file = try IgnoreFile.parse(text: "# c\n\n  !/a/b/  \nc", source: "x.dockerignore")
        #expect(file.rules.map(\.line) == [3, 4])
        #expect(file.rules[0].rawText == "  !/a/b/  ")
        #expect(file.rules[0].isException && file.rules[0].pattern == "a/b" && file.rules[0].source == "x.dockerignore")
    }

    @Test func lineOf64KiBIsTooLongAndNamesFileAndLine() throws {
        let ok = Array("a\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 65535) + [UInt8(ascii: "\n")]
        #expect(try Self.readFromDisk(ok).rules.count == 2)
        let long = Array("a\nb\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 65536)
        #expect(throws: IgnoreError.self) { try Self.readFromDisk(long) }
        do {
            _ = try IgnoreFile.parse(bytes: long, source: ".dockerignore")
        } catch {
            #expect(error.code == .lineTooLong && error.line == 3)
            #expect(error.message.hasPrefix(".dockerignore:3:"))
            #expect(error.dockerMessage == "bufio.Scanner: token too long")
        }
        let crlf = [UInt8](repeating: UInt8(ascii: "x"), count: 65535) + Array("\r\n".utf8)
        #expect(throws: IgnoreError.self) { try Self.readFromDisk(crlf) }
    }

    @Test func invalidBytesAreKept() throws {
        let file = try Self.readFromDisk([0xFF, UInt8(ascii: "a"), 0x0A])
        #expect(file.rules[0].patternBytes == [0xFF, UInt8(ascii: "a")])
    }

    @Test func setLevelErrorsNameFileLineAndPattern() throws {
        let file = try IgnoreFile.parse(text: "a\nb\n[", source: ".dockerignore")
        do {
            _ = try IgnoreMatcher(file)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidPattern)
            #expect(error.message == #".dockerignore:3: invalid pattern "[""#)
            #expect(error.cause == .detail("syntax error in pattern"))
            #expect(error.fix?.contains("close every `[` with `]`") == true)
            #expect(error.code.rawValue == "ignore.invalid-pattern" && error.kind == .input)
        }
        do {
            _ = try IgnoreMatcher(try IgnoreFile.parse(text: "!/", source: ".dockerignore"))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidExclusion && error.dockerMessage == #"illegal exclusion pattern: "!""#)
        }
    }
}
