import Testing

@testable import DockerfileReader

/// `ContextSource.relation(to:)`: what the copy-source checks ask of each walked entry.
@Suite struct ContextSourceRelationTests {
    static let table: [(source: String, path: String, expected: ContextSource.Relation)] = [
        ("src", "src", .matches(exact: true)),
        ("src", "src/a.go", .matches(exact: false)),
        ("src", "srcx", .unrelated),
        ("config/app.yml", "config", .ancestor),
        ("config/app.yml", "config/app.yml", .matches(exact: true)),
        ("config/app.yml", "config/other.yml", .unrelated),
        ("*.json", "package.json", .matches(exact: true)),
        ("*.json", "sub", .unrelated),
        ("conf/*.yml", "conf", .ancestor),
        ("conf/*.yml", "conf/a.yml", .matches(exact: true)),
        ("conf/*.yml", "conf/a.yml/x", .matches(exact: false)),
        ("conf/*.yml", "conf/keep", .unrelated),
        ("**/go.mod", "go.mod", .matches(exact: true)),
        ("**/go.mod", "svc/a", .ancestor),
        ("**/go.mod", "svc/a/go.mod", .matches(exact: true)),
        ("src/**", "src", .matches(exact: true)),
    ]

    @Test(arguments: table)
    func relation(_ source: String, _ path: String, _ expected: ContextSource.Relation) throws {
        let usage = try Dockerfile.parse("FROM a\nCOPY \(source) /dst/\n").contextUsage()
        let only = try #require(usage.sources.first)
        #expect(only.relation(to: path.split(separator: "/")) == expected)
    }

    @Test func depthsOfSources() throws {
        let usage = try Dockerfile.parse("FROM a\nCOPY a/b/c **/x src/**/*.go /d/\n").contextUsage()
        #expect(usage.sources.map(\.fixedDepth) == [3, nil, nil])
        #expect(usage.sources.map(\.anyDepthSegments) == [0, 1, 1])
    }
}
