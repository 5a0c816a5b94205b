import Foundation
import TestSupport
import Testing

/// `ctxtrim digest` as a CI step uses it: one line to compare with the label of the last image, a JSON form that
/// says which source moved, one line a build with `--all`, and a cache that makes a second run read nothing.
@Suite struct DigestCommandTests {
    static func service() throws -> TemporaryTree {
        let tree = try TemporaryTree("digest-cli")
        try tree.write(
            "Dockerfile",
            "FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src ./src\n")
        try tree.write(".dockerignore", "node_modules\n.env\n")
        try tree.write("package.json", "{\"name\":\"app\"}\n")
        try tree.write("package-lock.json", "{}\n")
        try tree.write("src/index.js", "console.log(1)\n")
        try tree.write("node_modules/left-pad/index.js", "module.exports = 1\n")
        try tree.write(".env", "SECRET=1\n")
        return tree
    }

    static func isDigest(_ text: Substring) -> Bool {
        text.hasPrefix("sha256:") && text.count == 71
            && text.dropFirst(7).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    @Test func textIsTheDigestAloneAndJSONAgrees() throws {
        let tree = try Self.service()
        let cache = try TemporaryTree("digest-cli-cache")
        let environment = ["XDG_CACHE_HOME": cache.path("")]
        let text = try CtxtrimProcess.run(["digest", "."], environment: environment, in: tree.path(""))
        #expect(text.status == 0)
        let lines = text.output.split(separator: "\n")
        #expect(lines.count == 1 && Self.isDigest(lines[0]), "\(text.output)")
        #expect(text.stderr.contains("node:20-slim"), "the unpinned base image is named: \(text.stderr)")
        let json = try CtxtrimProcess.run(
            ["digest", ".", "--format", "json"], environment: environment, in: tree.path(""))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let build = try #require((object["builds"] as? [[String: Any]])?.first)
        #expect(build["digest"] as? String == String(lines[0]))
        let context = try #require((build["contexts"] as? [[String: Any]])?.first)
        let sources = try #require(context["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["source"] as? String } == ["package.json", "package-lock.json", "src"])
        #expect(FileManager.default.fileExists(atPath: cache.path("ctxtrim")), "the cache goes to XDG_CACHE_HOME")
        // Whatever the ignore file keeps out does not reach the builder, so it does not move the digest.
        _ = try tree.write("node_modules/left-pad/index.js", "module.exports = 2\n")
        _ = try tree.write(".env", "SECRET=2\n")
        let again = try CtxtrimProcess.run(["digest", "."], environment: environment, in: tree.path(""))
        #expect(again.output == text.output)
        _ = try tree.write("src/index.js", "console.log(2)\n")
        let moved = try CtxtrimProcess.run(["digest", ".", "--no-cache"], in: tree.path(""))
        #expect(moved.output != text.output)
    }

    @Test func allPrintsOneLineABuild() throws {
        let tree = try TemporaryTree("digest-cli-all")
        try tree.write("api/Dockerfile", "FROM scratch\nCOPY main.go /\n")
        try tree.write("api/main.go", "package main\n")
        try tree.write("web/Dockerfile", "FROM scratch\nCOPY index.html /\n")
        try tree.write("web/index.html", "<p>hi</p>\n")
        try tree.write("broken/Dockerfile", "FROM scratch\nCOPYY a /\n")
        let run = try CtxtrimProcess.run(["digest", "--all", ".", "--no-cache"], in: tree.path(""))
        let lines = run.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let names = lines.compactMap { $0.last.map(String.init) }
        #expect(names.contains("api/Dockerfile") && names.contains("web/Dockerfile"), "\(run.output)")
        for line in lines where line.last != "broken/Dockerfile" { #expect(Self.isDigest(line[0]), "\(run.output)") }
        if let broken = lines.first(where: { $0.last == "broken/Dockerfile" }) {
            #expect(broken[0] == "-")
            #expect(run.status == 2, "a build without a digest fails the command")
        } else {
            #expect(run.status == 0)
        }
    }

    /// Each build's digest in `--all` (a compose service with arguments and a named context, a lone Dockerfile)
    /// is the digest of that build alone with the same arguments; dropping an argument changes it.
    @Test func allEqualsEachBuildDigestedAlone() throws {
        let tree = try TemporaryTree("digest-cli-equal")
        try tree.write(
            "compose.yaml",
            """
            services:
              api:
                build:
                  context: api
                  args:
                    VERSION: "1"
                  additional_contexts:
                    lib: ./lib

            """)
        try tree.write("api/Dockerfile", "FROM alpine:3.20\nARG VERSION\nCOPY --from=lib util.sh /\nCOPY main.go /\n")
        try tree.write("api/main.go", "package main\n")
        try tree.write("lib/util.sh", "echo util\n")
        try tree.write("web/Dockerfile", "FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\n")
        try tree.write("web/index.html", "<p>hi</p>\n")
        let all = try CtxtrimProcess.run(["digest", "--all", ".", "--no-cache"], in: tree.path(""))
        #expect(all.status == 0, "\(all.stderr)")
        let digests = Dictionary(
            uniqueKeysWithValues: all.lines.map { line in
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                return (String(parts[1]), String(parts[0]))
            })
        #expect(digests.keys.sorted() == ["api", "web/Dockerfile"], "\(all.output)")
        let api = try CtxtrimProcess.run(
            ["digest", "api", "--build-arg", "VERSION=1", "--build-context", "lib=lib", "--no-cache"],
            in: tree.path(""))
        #expect(api.lines == [digests["api"] ?? ""])
        let web = try CtxtrimProcess.run(["digest", "web", "--no-cache"], in: tree.path(""))
        #expect(web.lines == [digests["web/Dockerfile"] ?? ""])
        let withoutArgument = try CtxtrimProcess.run(
            ["digest", "api", "--build-context", "lib=lib", "--no-cache"], in: tree.path(""))
        #expect(withoutArgument.lines != api.lines)
    }

    /// Two services of one context share its walk (the second follows the first), yet each digest covers only what
    /// its own Dockerfile copies.
    @Test func servicesOfOneContextEachDigestTheirOwnSources() throws {
        let tree = try TemporaryTree("digest-cli-shared")
        try tree.write(
            "compose.yaml",
            """
            services:
              a:
                build: { context: app, dockerfile: a.Dockerfile }
              b:
                build: { context: app, dockerfile: b.Dockerfile }

            """)
        try tree.write("app/a.Dockerfile", "FROM scratch\nCOPY a.txt /\n")
        try tree.write("app/b.Dockerfile", "FROM scratch\nCOPY b.txt /\n")
        try tree.write("app/a.txt", "a\n")
        try tree.write("app/b.txt", "b\n")
        let before = try CtxtrimProcess.run(["digest", "--all", ".", "--no-cache"], in: tree.path("")).lines
        let alone = try CtxtrimProcess.run(
            ["digest", "app", "-f", "app/b.Dockerfile", "--no-cache"], in: tree.path("")
        ).lines
        #expect(before.count == 2 && before[1].hasPrefix(alone.first ?? "-") && before[1].hasSuffix("  b"))
        _ = try tree.write("app/b.txt", "b, changed\n")
        let after = try CtxtrimProcess.run(["digest", "--all", ".", "--no-cache"], in: tree.path("")).lines
        #expect(after[0] == before[0], "a copies nothing that changed")
        #expect(after[1] != before[1])
    }

    @Test func missingDockerfileIsAnInputError() throws {
        let tree = try TemporaryTree("digest-cli-none")
        try tree.write("main.go", "package main\n")
        let run = try CtxtrimProcess.run(["digest", ".", "--no-cache"], in: tree.path(""))
        #expect(run.status == 2)
        #expect(run.output.isEmpty)
        #expect(run.stderr.contains("[digest.no-dockerfile]"), "\(run.stderr)")
    }

    /// A name built to break a terminal or a log reaches the output only escaped, and only with `--all`.
    @Test func hostileNamesStayOutOfTheDigestLine() throws {
        let tree = try TemporaryTree("digest-cli-hostile")
        try tree.write("Dockerfile", "FROM scratch\nCOPY . /\n")
        try tree.write("\u{1b}]0;owned\u{07}\nsha256:fake", "x")
        let run = try CtxtrimProcess.run(["digest", ".", "--no-cache"], in: tree.path(""))
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 1 && Self.isDigest(lines[0]), "\(run.output)")
        #expect(!run.output.contains("\u{1b}") && !run.stderr.contains("\u{1b}"))
    }
}

/// A compose service whose `dockerfile:` names no file (here an unset variable, which compose reads as empty, so
/// `Dockerfile`) fails `docker compose build`: `check --all` fails it and `digest --all` has no digest for it.
@Suite struct DeclaredBuildWithoutDockerfileTests {
    @Test func checkAllAndDigestAllFailTheBuild() throws {
        let tree = try TemporaryTree("declared-missing-dockerfile")
        try tree.write(
            "compose.yaml",
            """
            services:
              api:
                build: { context: ., dockerfile: "${API_DOCKERFILE}" }
              web:
                build: { context: web }

            """)
        try tree.write("api/Dockerfile", "FROM scratch\nCOPY api/main.go /\n")
        try tree.write("api/main.go", "package main\n")
        try tree.write("web/Dockerfile", "FROM scratch\nCOPY index.html /\n")
        try tree.write("web/index.html", "<p>hi</p>\n")
        let check = try CtxtrimProcess.run(["check", "--all", ".", "--no-git", "--format", "json"], in: tree.path(""))
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.output.contains("\"dockerfile-invalid\""), "\(check.output)")
        #expect(check.output.contains("context.dockerfile-not-found"), "\(check.output)")
        let digest = try CtxtrimProcess.run(["digest", "--all", ".", "--no-cache"], in: tree.path(""))
        #expect(digest.status == 2)
        #expect(digest.lines.contains("-  api"), "\(digest.output)")
        #expect(digest.lines.contains { $0.hasPrefix("sha256:") && $0.hasSuffix("  web") })
        // With the variable given through the project's .env, both build.
        try tree.write(".env", "API_DOCKERFILE=api/Dockerfile\n")
        let fixed = try CtxtrimProcess.run(["digest", "--all", ".", "--no-cache"], in: tree.path(""))
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}
