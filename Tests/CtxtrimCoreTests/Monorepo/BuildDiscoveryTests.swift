import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

@Suite struct BuildDiscoveryTests {
    @Test func composeServicesWinOverTheDockerfilesTheyName() throws {
        let repository = try ComposeRepository(git: false)
        let builds = try BuildDiscovery.discover(root: repository.path)
        #expect(
            builds == [
                DiscoveredBuild(
                    name: "migrate", context: "app", dockerfile: "app/Dockerfile", service: "migrate",
                    composeFile: "compose.yaml", target: "migrate"
                ).declared(atLine: 10),
                DiscoveredBuild(
                    name: "web", context: "app", dockerfile: "app/Dockerfile", service: "web",
                    composeFile: "compose.yaml"
                ).declared(atLine: 4),
                DiscoveredBuild(
                    name: "worker", context: "app", dockerfile: "app/worker.Dockerfile", service: "worker",
                    composeFile: "compose.yaml"
                ).declared(atLine: 6),
                DiscoveredBuild(name: "tools/Dockerfile", context: "tools", dockerfile: "tools/Dockerfile"),
            ])
    }

    @Test(arguments: [
        ("Dockerfile", true), ("api.Dockerfile", true), ("Dockerfile.dev", true), ("Dockerfile.dockerignore", false),
        ("api.Dockerfile.dockerignore", false), ("dockerfile", false), ("MyDockerfile", false), ("Dockerfiles", false),
    ])
    func dockerfileNames(name: String, isDockerfile: Bool) {
        #expect(DiscoveryVisitor.isDockerfile(name) == isDockerfile)
    }

    @Test func standaloneDockerfilesUseTheirDirectoryAndSkipDependencyDirectories() throws {
        let scratch = try TemporaryTree("discovery")
        try scratch.write("Dockerfile", "FROM scratch\n")
        try scratch.write("services/api/api.Dockerfile", "FROM scratch\n")
        try scratch.write("services/api/Dockerfile.dev", "FROM scratch\n")
        try scratch.write("services/api/Dockerfile.dev.dockerignore", "*\n")
        try scratch.write("node_modules/pkg/Dockerfile", "FROM scratch\n")
        try scratch.write("vendor/lib/Dockerfile", "FROM scratch\n")
        try scratch.write(".git/Dockerfile", "FROM scratch\n")
        let builds = try BuildDiscovery.discover(root: scratch.path)
        #expect(
            builds.map(\.dockerfile) == ["Dockerfile", "services/api/Dockerfile.dev", "services/api/api.Dockerfile"])
        #expect(builds.map(\.context) == [".", "services/api", "services/api"])
        #expect(builds.allSatisfy { $0.service == nil && $0.name == $0.dockerfile })
    }

    @Test func composeContextsAreRelativeToTheComposeFileAndDockerfilesToTheContext() throws {
        let scratch = try TemporaryTree("discovery")
        try scratch.write(
            "deploy/docker-compose.yml",
            """
            services:
              api:
                build:
                  context: ../services/api
                  dockerfile: docker/prod.Dockerfile
                  target: runtime
              root:
                build: ..
              remote:
                build: https://github.com/example/repo.git
            """)
        try scratch.write("services/api/docker/prod.Dockerfile", "FROM scratch\n")
        try scratch.write("services/api/main.go", "package main\n")
        let builds = try BuildDiscovery.discover(root: scratch.path)
        #expect(
            builds == [
                DiscoveredBuild(
                    name: "root", context: ".", dockerfile: "Dockerfile", service: "root",
                    composeFile: "deploy/docker-compose.yml"
                ).declared(atLine: 8),
                DiscoveredBuild(
                    name: "api", context: "services/api", dockerfile: "services/api/docker/prod.Dockerfile",
                    service: "api", composeFile: "deploy/docker-compose.yml", target: "runtime"
                ).declared(atLine: 3),
            ])
    }

    @Test func malformedComposeNamesTheFileAndLine() throws {
        let scratch = try TemporaryTree("discovery")
        try scratch.write("svc/compose.yml", "services:\n  web:\n    build: [unclosed\n")
        let error = try #require(throws: MonorepoError.self) { try BuildDiscovery.discover(root: scratch.path) }
        #expect(error.code == .malformedCompose)
        #expect(error.file == "svc/compose.yml")
        #expect(error.line != nil && error.line! >= 3)
    }

    @Test func wrongShapesAreErrorsAtTheirLine() throws {
        let cases: [(String, Int)] = [
            ("services:\n  - web\n", 2),
            ("services:\n  web:\n    build:\n      context: [a, b]\n", 4),
            ("services:\n  web:\n    build: 3\n  api:\n    build:\n      - x\n", 6),
        ]
        for (text, line) in cases {
            let error = try #require(throws: MonorepoError.self) { try ComposeFile.parse(text, source: "compose.yaml") }
            #expect(error.line == line, "\(text)")
            #expect(error.code == .malformedCompose)
        }
    }

    @Test func missingOrOutsideContextsAreErrors() throws {
        let scratch = try TemporaryTree("discovery")
        try scratch.write("repo/compose.yaml", "services:\n  web:\n    build: ./missing\n")
        let missing = try #require(throws: MonorepoError.self) {
            try BuildDiscovery.discover(root: scratch.path + "/repo")
        }
        #expect(missing.code == .contextNotFound)
        #expect(missing.line == 3)
        try scratch.write("repo/compose.yaml", "services:\n  web:\n    build: ../elsewhere\n")
        try scratch.makeDirectory("elsewhere")
        let outside = try #require(throws: MonorepoError.self) {
            try BuildDiscovery.discover(root: scratch.path + "/repo")
        }
        #expect(outside.code == .contextOutsideRoot)
    }
}

extension DiscoveredBuild {
    /// The build with the line of its compose `build:` key.
    func declared(atLine line: Int) -> DiscoveredBuild {
        var build = self
        build.composeLine = line
        return build
    }
}
