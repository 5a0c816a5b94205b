import ContextWalker
import TestSupport
import Testing

@testable import CtxtrimCore

/// Every build `--all` finds in a declared project (compose with `.env`, an override, `include:`, `args` and
/// `additional_contexts`; bake with inherits, groups and a named context; stand-alone Dockerfiles built from the
/// root) has the numbers and findings of its own `scan` with the same arguments: context, `-f`, `--target`,
/// `--build-arg` and `--build-context`; and the same treemap in the HTML report.
@Suite struct DeclaredBuildEqualityTests {
    /// What one build sends, transfers and reports, for comparison.
    struct Numbers: Equatable, CustomStringConvertible {
        var sent: ScanReport.Totals
        var transferred: ScanReport.ClassUsage
        var named: [String]
        var findings: [String]

        init(_ report: ScanReport) {
            sent = report.sent
            transferred = report.totalTransferred
            named = report.namedContexts.map {
                "\($0.name) \(String(describing: $0.sent)) \(String(describing: $0.transferred))"
            }
            findings = report.findings.filter { $0.check != .composeVariableUnset }.map {
                "\($0.check) \($0.path):\($0.line ?? 0) \($0.severity)"
            }.sorted()
        }

        var description: String { "sent \(sent) transferred \(transferred) named \(named) findings \(findings)" }
    }

    /// A compose project as teams write them: the primary file, an override adding a build argument and a named
    /// context, an included project, `${VAR}` from `.env`.
    static func composeProject() throws -> TemporaryTree {
        let tree = try TemporaryTree("declared-compose")
        try tree.write(".env", "API_DIR=services/api\nNODE_VERSION=20\n")
        try tree.write(
            "compose.yaml",
            """
            include:
              - tools/compose.yaml
            services:
              api:
                build:
                  context: ${API_DIR}
                  target: runtime
                  args:
                    NODE_VERSION: ${NODE_VERSION}
              web:
                build: ./web
            """)
        try tree.write(
            "compose.override.yaml",
            """
            services:
              web:
                build:
                  args: [ASSETS=public]
                  additional_contexts:
                    shared: ./libs/shared
            """)
        try tree.write(
            "services/api/Dockerfile",
            """
            ARG NODE_VERSION=18
            FROM node:${NODE_VERSION} AS build
            WORKDIR /app
            COPY package.json ./
            COPY src ./src
            FROM node:${NODE_VERSION}-slim AS runtime
            COPY --from=build /app /app
            FROM build AS test
            COPY test ./test
            """)
        try tree.write("services/api/package.json", "{}\n")
        try tree.write("services/api/src/index.js", "console.log(1)\n")
        try tree.write("services/api/test/index.test.js", "test()\n")
        try tree.write("services/api/node_modules/x/index.js", String(repeating: "x", count: 4000))
        try tree.write("services/api/.dockerignore", "node_modules\n")
        try tree.write(
            "web/Dockerfile",
            """
            FROM nginx:1.27
            ARG ASSETS=dist
            COPY ${ASSETS} /usr/share/nginx/html
            COPY --from=shared theme.css /usr/share/nginx/html/
            """)
        try tree.write("web/public/index.html", "<p>hi</p>\n")
        try tree.write("web/dist/old.html", String(repeating: "o", count: 3000))
        try tree.write("web/.env", "SESSION_SECRET=abc\n")
        try tree.write("libs/shared/theme.css", "body{}\n")
        try tree.write("libs/shared/.dockerignore", "*.psd\n")
        try tree.write("libs/shared/logo.psd", String(repeating: "p", count: 5000))
        try tree.write("tools/compose.yaml", "services:\n  migrate:\n    build:\n      context: .\n")
        try tree.write("tools/Dockerfile", "FROM alpine:3.20\nCOPY migrate.sh /\n")
        try tree.write("tools/migrate.sh", "echo\n")
        return tree
    }

    /// Stand-alone Dockerfiles under `docker/` that build from the repository root, and one that builds from its own
    /// directory.
    static func rootBuiltProject() throws -> TemporaryTree {
        let tree = try TemporaryTree("declared-root")
        try tree.write("go.mod", "module example.com/x\n")
        try tree.write("cmd/server/main.go", "package main\n")
        try tree.write("docker/server.Dockerfile", "FROM golang:1.22\nCOPY go.mod ./\nCOPY cmd/server ./cmd/server\n")
        try tree.write("docker/worker.Dockerfile", "FROM golang:1.22\nCOPY go.mod ./\nCOPY cmd ./cmd\n")
        try tree.write("docs/Dockerfile", "FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n")
        try tree.write("docs/site/index.html", "<p>docs</p>\n")
        try tree.write(".dockerignore", "docs\n")
        return tree
    }

    /// The build scanned alone, as the user would type it.
    static func single(_ build: DiscoveredBuild, root: String) throws -> ScanReport {
        let context = try BuildContext.resolve(
            context: BuildContext.joined(root, build.context), dockerfile: BuildContext.joined(root, build.dockerfile),
            ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.mapsContext = true
        options.target = build.target
        options.buildArgs = build.buildArgs
        options.namedContexts = build.namedContexts.sorted { $0.key < $1.key }.map {
            NamedBuildContext(name: $0.key, value: .local(path: BuildContext.joined(root, $0.value)))
        }
        return try ContextScanner(context: context, rules: IgnoreRules.load(for: context), options: options).scan()
    }

    static func expectEqualToSingleScans(_ tree: TemporaryTree, expecting names: Set<String>) throws {
        let discovery = try BuildDiscovery.run(root: tree.path)
        #expect(Set(discovery.builds.map(\.name)) == names)
        let root = try #require(BuildContext.realPath(tree.path))
        let walksBefore = WalkCounter.walks(of: root)
        var options = ContextScanner.Options()
        options.mapsContext = true
        let multi = try MultiContextScanner(root: tree.path, discovery: discovery, options: options).scan()
        // Every build, named contexts inside the repository included, from one walk of the root and no other walk.
        #expect(WalkCounter.walks(of: root) - walksBefore == 1)
        for named in Set(discovery.builds.flatMap(\.namedContexts.values)) {
            #expect(WalkCounter.walks(of: BuildContext.joined(root, named)) == 0, "\(named)")
        }
        for scan in multi.builds {
            let alone = try single(scan.build, root: tree.path)
            #expect(Numbers(scan.report) == Numbers(alone), "\(scan.build.name)")
            // The HTML report's treemap too, tile for tile.
            #expect(scan.report.map != nil)
            #expect(scan.report.map == alone.map, "\(scan.build.name)")
        }
    }

    @Test func composeBuildsEqualTheirOwnScans() throws {
        let tree = try Self.composeProject()
        try Self.expectEqualToSingleScans(tree, expecting: ["api", "web", "migrate"])
        let builds = try BuildDiscovery.run(root: tree.path).builds
        let api = try #require(builds.first { $0.name == "api" })
        #expect(api.context == "services/api" && api.target == "runtime" && api.buildArgs == ["NODE_VERSION": "20"])
        let web = try #require(builds.first { $0.name == "web" })
        #expect(web.buildArgs == ["ASSETS": "public"] && web.namedContexts == ["shared": "libs/shared"])
        let report = try MultiContextScanner(root: tree.path, builds: builds, options: .init()).scan()
        let webReport = try #require(report.builds.first { $0.build.name == "web" }).report
        // `ASSETS=public` from the override: `dist` is not transferred, the shared theme is, the .psd is not sent.
        #expect(webReport.build?.transferred.files == 1)
        #expect(webReport.namedContexts.first?.transferred?.files == 1)
        #expect(webReport.namedContexts.first?.sent?.files == 2)
    }

    @Test func bakeBuildsWithTheirNamedContextEqualTheirOwnScans() throws {
        let hcl = try BakeRepository.hcl()
        try Self.expectEqualToSingleScans(hcl, expecting: ["bake:web", "bake:worker", "tools/Dockerfile"])
        let report = try MultiContextScanner(
            root: hcl.path, discovery: BuildDiscovery.run(root: hcl.path), options: .init()
        ).scan()
        let web = try #require(report.builds.first { $0.build.name == "bake:web" }).report
        // `COPY --from=shared . /shared`: the inherited named context is walked and its file transferred.
        #expect(web.namedContexts.map(\.name) == ["shared"])
        #expect(web.namedContexts.first?.transferred?.files == 1)
        #expect(web.totalTransferred.files == (web.build?.transferred.files ?? 0) + 1)
        let json = try BakeRepository.json()
        let names = Set(try BuildDiscovery.run(root: json.path).builds.map(\.name))
        try Self.expectEqualToSingleScans(json, expecting: names)
    }

    @Test func rootBuiltDockerfilesEqualTheirOwnScans() throws {
        let tree = try Self.rootBuiltProject()
        try Self.expectEqualToSingleScans(
            tree, expecting: ["docker/server.Dockerfile", "docker/worker.Dockerfile", "docs/Dockerfile"])
        let builds = try BuildDiscovery.run(root: tree.path).builds
        #expect(builds.first { $0.name == "docker/server.Dockerfile" }?.context == ".")
        #expect(builds.first { $0.name == "docs/Dockerfile" }?.context == "docs")
    }
}
