import TestSupport
import Testing

@testable import CtxtrimCore

/// `scan`'s suggestion is the proposal `fix` makes, offered only when it makes the context smaller.
@Suite struct FixSuggestionTests {
    static func scan(_ tree: TemporaryTree) throws -> ScanReport {
        let context = try BuildContext.resolve(context: tree.path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        options.git = false
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
    }

    /// Seen on a real service: the only unread file was 29 bytes, the new `.dockerignore` about 150, and the
    /// suggestion said "shrink the context: +2.4%".
    @Test func aSuggestionThatWouldGrowTheContextIsNotOffered() throws {
        let tree = try TemporaryTree("suggestion")
        try tree.write("Dockerfile", "FROM python:3.12-slim\nCOPY main.py /app/\n")
        try tree.write("main.py", "print('hi')\n")
        try tree.write("requirements.in", "locust\n")
        #expect(try Self.scan(tree).shrink == nil)
    }

    @Test func aSuggestionThatSavesBytesIsOfferedWithWhatItSaves() throws {
        let tree = try TemporaryTree("suggestion")
        try tree.write("Dockerfile", "FROM python:3.12-slim\nCOPY main.py /app/\n")
        try tree.write("main.py", "print('hi')\n")
        try tree.write("dump.sql", String(repeating: "INSERT INTO t VALUES (1);\n", count: 400))
        let shrink = try #require(try Self.scan(tree).shrink)
        #expect(shrink.saves)
        #expect(shrink.eligibleAfter.bytes < shrink.eligibleBefore.bytes)
        #expect(shrink.patterns == 1)
    }
}
