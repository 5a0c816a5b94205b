import TestSupport
import Testing

@testable import DockerfileReader

@Suite struct ContextSourceMatchingTests {
    /// One COPY source, one queried path, and whether the source needs that path.
    static let table: [(String, String, Bool)] = [
        ("src", "src", true),
        ("src", "src/a.go", true),
        ("src", "./src/deep/er/a.go", true),
        ("src", "/src/", true),
        ("src", ".", true),
        ("src", "srcx", false),
        ("src", "lib/src", false),
        ("src/main", "src", true),
        ("src/main", "src/test", false),
        ("src/*.go", "src", true),
        ("src/*.go", "src/a.go", true),
        ("src/*.go", "src/.hidden.go", true),
        ("src/*.go", "src/a.ts", false),
        ("src/*.go", "src/sub/a.go", false),
        ("src/*.go", "src/dir.go/inner.txt", true),
        ("*.json", "package.json", true),
        ("*.json", ".eslintrc.json", true),
        ("*.json", "sub/package.json", false),
        ("src/[a-c]?.go", "src/ab.go", true),
        ("src/[a-c]?.go", "src/db.go", false),
        ("src/[a-c]?.go", "src/a.go", false),
        ("[^a]*", "b", true),
        ("[^a]*", "a", false),
        ("a\\*b", "a*b", true),
        ("a\\*b", "aXb", true),
        ("a\\\\*b", "a\\*b", true),
        ("a\\\\*b", "a*b", false),
        ("x/a\\\\?[b]", "x/a?b", true),
        ("x/a\\\\?[b]", "x/aXb", false),
        ("*/package.json", "apps/web/package.json", false),
        ("*/package.json", "apps/package.json", true),
        ("**/go.mod", "svc/a/go.mod", true),
        ("**/go.mod", "go.mod", true),
        (".", "anything/at/all", true),
        ("*", ".git/config", true),
        ("../../x", "x/y", true),
    ]

    @Test(arguments: table)
    func copySource(_ source: String, _ path: String, _ expected: Bool) throws {
        let usage = try Dockerfile.parse("FROM a\nCOPY \(source) /dst/\n").contextUsage()
        let only = try #require(usage.sources.first)
        #expect(only.references(path: path) == expected)
        #expect(usage.references(path: path) == expected)
    }

    @Test func bindMountSourceIsLiteral() throws {
        let usage = try Dockerfile.parse("FROM a\nRUN --mount=source=we*rd,target=/w make\n").contextUsage()
        #expect(usage.references(path: "we*rd/x"))
        #expect(!usage.references(path: "weird"))
        #expect(usage.sources.first?.isWildcard == false)
    }

    /// A deliberately simple matcher for segments built from `a`, `b`, `*` and `?`.
    static func referenceSegmentMatch(_ pattern: [Character], _ text: [Character]) -> Bool {
        var table = Array(repeating: Array(repeating: false, count: text.count + 1), count: pattern.count + 1)
        table[0][0] = true
        for i in 0..<pattern.count where pattern[i] == "*" { table[i + 1][0] = table[i][0] }
        for i in 0..<pattern.count {
            for j in 0..<text.count {
                switch pattern[i] {
                case "*": table[i + 1][j + 1] = table[i][j + 1] || table[i + 1][j]
                case "?": table[i + 1][j + 1] = table[i][j]
                default: table[i + 1][j + 1] = table[i][j] && pattern[i] == text[j]
                }
            }
        }
        return table[pattern.count][text.count]
    }

    static func randomSegment(_ alphabet: [Character], using generator: inout SplitMix64) -> String {
        String((0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test(arguments: TestSeeds.list([0xC0_5EED_01, 0xC0_5EED_02, 0xC0_5EED_03]))
    func matcherAgreesWithSimpleReference(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<2000 {
            let pattern = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                Self.randomSegment(["a", "b", "*", "?"], using: &generator)
            }
            let path = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                Self.randomSegment(["a", "b"], using: &generator)
            }
            // `**` means any depth here, unlike in the reference; it has its own table rows.
            guard !pattern.contains("**") else { continue }
            let source = pattern.joined(separator: "/")
            let usage = try Dockerfile.parse("FROM a\nCOPY \(source) /d/\n").contextUsage()
            let compared = min(pattern.count, path.count)
            let expected = (0..<compared).allSatisfy {
                Self.referenceSegmentMatch(Array(pattern[$0]), Array(path[$0]))
            }
            let actual = usage.references(path: path.joined(separator: "/"))
            #expect(actual == expected, "\(TestSeeds.describe(seed)): \(source) vs \(path.joined(separator: "/"))")
            if actual != expected { return }
        }
    }
}
