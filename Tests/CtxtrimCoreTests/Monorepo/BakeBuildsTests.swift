import Foundation
import TestSupport
import Testing

@testable import BakeReader
@testable import CtxtrimCore

/// Bake projects written at test time, in the shapes real repositories use.
enum BakeRepository {
    /// HCL at the root: a variable with a default, a group, a template target the others inherit, an override file,
    /// a local named context beside image and target ones, and a Dockerfile no target names.
    static func hcl() throws -> TemporaryTree {
        let tree = try TemporaryTree("bake-hcl")
        try tree.write(
            "docker-bake.hcl",
            """
            variable "NODE" { default = "20" }
            variable "REGISTRY" { default = "registry.example" }

            group "default" {
              targets = ["web", "worker"]
            }

            target "_common" {
              args = { NODE_VERSION = NODE, REGISTRY = "${REGISTRY}" }
              contexts = { shared = "libs/shared" }
            }

            target "web" {
              inherits = ["_common"]
              context  = "services/web"
              target   = "runtime"
            }

            target "worker" {
              inherits   = ["_common"]
              context    = "services/worker"
              dockerfile = "docker/worker.Dockerfile"
              contexts = {
                base = "docker-image://alpine:3.20"
                web  = "target:web"
                repo = "https://github.com/example/repo.git"
              }
            }
            """)
        try tree.write(
            "docker-bake.override.hcl",
            """
            target "web" {
              args = { NODE_VERSION = "22", DEBUG = "1" }
            }
            """)
        try tree.write(
            "services/web/Dockerfile", "FROM node:22 AS runtime\nCOPY --from=shared . /shared\nCOPY . /app\n")
        try tree.write("services/web/index.js", "console.log(1)\n")
        try tree.write("services/worker/docker/worker.Dockerfile", "FROM node:20\nCOPY . /app\n")
        try tree.write("services/worker/job.js", "work()\n")
        try tree.write("libs/shared/util.js", "export {}\n")
        try tree.write("tools/Dockerfile", "FROM alpine\nCOPY . /tools\n")
        return tree
    }

    /// The JSON form in `deploy/`, whose paths resolve from that directory: variables, a group, inherits, an
    /// override file and a `cwd://` named context.
    static func json() throws -> TemporaryTree {
        let tree = try TemporaryTree("bake-json")
        try tree.write(
            "deploy/docker-bake.json",
            """
            {
              "variable": {
                "TAG": {"default": "1.4"},
                "APP_DIR": {"default": "../apps"}
              },
              "group": {
                "default": {"targets": ["api"]},
                "all": {"targets": ["api", "admin"]}
              },
              "target": {
                "base": {
                  "dockerfile": "Dockerfile",
                  "args": {"TAG": "${TAG}"}
                },
                "api": {
                  "inherits": ["base"],
                  "context": "${APP_DIR}/api",
                  "contexts": {"proto": "cwd://../proto"}
                },
                "admin": {
                  "inherits": ["base"],
                  "context": "${APP_DIR}/admin",
                  "target": "prod"
                }
              }
            }
            """)
        try tree.write(
            "deploy/docker-bake.override.json",
            """
            {"target": {"admin": {"args": {"TAG": "edge"}}}}
            """)
        try tree.write("apps/api/Dockerfile", "FROM golang:1.22\nCOPY --from=proto . /proto\nCOPY . /src\n")
        try tree.write("apps/api/main.go", "package main\n")
        try tree.write("apps/admin/Dockerfile", "FROM node:20 AS prod\nCOPY . /app\n")
        try tree.write("proto/api.proto", "syntax = \"proto3\";\n")
        return tree
    }
}

@Suite struct BakeBuildsTests {
    @Test func anHCLProjectIsOneBuildPerTargetWithItsInheritedArgsAndNamedContexts() throws {
        let tree = try BakeRepository.hcl()
        let builds = try BuildDiscovery.discover(root: tree.path)
        var web = DiscoveredBuild(
            name: "bake:web", context: "services/web", dockerfile: "services/web/Dockerfile", target: "runtime")
        web.bakeFile = "docker-bake.hcl"
        web.bakeTarget = "web"
        web.buildArgs = ["NODE_VERSION": "22", "REGISTRY": "registry.example", "DEBUG": "1"]
        web.namedContexts = ["shared": "libs/shared"]
        var worker = DiscoveredBuild(
            name: "bake:worker", context: "services/worker", dockerfile: "services/worker/docker/worker.Dockerfile")
        worker.bakeFile = "docker-bake.hcl"
        worker.bakeTarget = "worker"
        worker.buildArgs = ["NODE_VERSION": "20", "REGISTRY": "registry.example"]
        worker.namedContexts = ["shared": "libs/shared"]
        // `_common` has no Dockerfile and only serves as a parent: no build. `tools/Dockerfile` is nobody's target.
        #expect(
            builds == [
                web, worker,
                DiscoveredBuild(name: "tools/Dockerfile", context: "tools", dockerfile: "tools/Dockerfile"),
            ])
    }

    @Test func aJSONProjectResolvesPathsFromItsOwnDirectory() throws {
        let tree = try BakeRepository.json()
        let builds = try BuildDiscovery.discover(root: tree.path)
        var admin = DiscoveredBuild(
            name: "bake:admin", context: "apps/admin", dockerfile: "apps/admin/Dockerfile", target: "prod")
        admin.bakeFile = "deploy/docker-bake.json"
        admin.bakeTarget = "admin"
        admin.buildArgs = ["TAG": "edge"]
        var api = DiscoveredBuild(name: "bake:api", context: "apps/api", dockerfile: "apps/api/Dockerfile")
        api.bakeFile = "deploy/docker-bake.json"
        api.bakeTarget = "api"
        api.buildArgs = ["TAG": "1.4"]
        api.namedContexts = ["proto": "proto"]
        // The stand-alone Dockerfiles are these targets' own, so they are not listed again; `base` is a parent.
        #expect(builds == [admin, api])
    }

    @Test func aTemplateTargetAGroupNamesIsStillABuild() throws {
        let tree = try TemporaryTree("bake-grouped-parent")
        try tree.write(
            "docker-bake.hcl",
            """
            group "default" { targets = ["app"] }
            target "app" {}
            target "app-debug" {
              inherits = ["app"]
              target = "debug"
            }
            """)
        try tree.write("Dockerfile", "FROM alpine AS debug\nFROM alpine\n")
        let builds = try BuildDiscovery.discover(root: tree.path)
        #expect(builds.map(\.name) == ["bake:app", "bake:app-debug"])
        #expect(builds.map(\.target) == [nil, "debug"])
        #expect(builds.allSatisfy { $0.dockerfile == "Dockerfile" && $0.context == "." })
    }

    @Test func anInlineDockerfileNamesTheBakeFileAndCwdPathsResolveFromTheBakeDirectory() throws {
        let tree = try TemporaryTree("bake-inline")
        try tree.write(
            "ci/docker-bake.hcl",
            """
            target "lint" {
              context = BAKE_CMD_CONTEXT
              dockerfile-inline = <<-EOT
                FROM alpine
                COPY . /src
                EOT
            }
            target "docs" {
              context = "../docs"
              dockerfile = "cwd://docs.Dockerfile"
            }
            """)
        try tree.write("ci/docs.Dockerfile", "FROM alpine\n")
        try tree.write("docs/index.md", "# docs\n")
        let builds = try BuildDiscovery.discover(root: tree.path)
        #expect(builds.map(\.name) == ["bake:lint", "bake:docs"])
        #expect(builds.map(\.context) == ["ci", "docs"])
        #expect(builds.map(\.dockerfile) == ["ci/docker-bake.hcl", "ci/docs.Dockerfile"])
        #expect(builds.map(\.inlineDockerfile) == ["FROM alpine\nCOPY . /src\n", nil])
    }

    @Test func aTargetNamedLikeAComposeServiceBesideItIsThatServicesBuild() throws {
        let tree = try TemporaryTree("bake-compose")
        try tree.write("compose.yaml", "services:\n  web:\n    build: ./web\n")
        try tree.write(
            "docker-bake.override.hcl",
            "target \"web\" {\n  args = { A = \"1\" }\n}\ntarget \"extra\" {\n  context = \"web\"\n}\n")
        try tree.write("web/Dockerfile", "FROM alpine\n")
        let builds = try BuildDiscovery.discover(root: tree.path)
        #expect(builds.map(\.name).sorted() == ["bake:extra", "web"])
    }

    @Test func theSameTargetInTwoDirectoriesGetsTheDirectoryInItsName() throws {
        let tree = try TemporaryTree("bake-twice")
        try tree.write("docker-bake.hcl", "target \"app\" {}\n")
        try tree.write("Dockerfile", "FROM alpine\n")
        try tree.write("sub/docker-bake.hcl", "target \"app\" {}\n")
        try tree.write("sub/Dockerfile", "FROM alpine\n")
        let builds = try BuildDiscovery.discover(root: tree.path)
        #expect(builds.map(\.name) == ["bake:app", "bake:sub/app"])
    }

    @Test(arguments: [
        ("target \"a\" {\n  context = \"missing\"\n}\n", "monorepo.context-not-found", 2),
        ("target \"a\" {\n  context = \"../..\"\n}\n", "monorepo.context-outside-root", 2),
        ("target \"a\" {\n  contexts = {\n    lib = \"nope\" }\n}\n", "monorepo.context-not-found", 2),
        ("target \"a\" {\n  contexts = { lib = \"/\" }\n}\n", "monorepo.context-outside-root", 2),
        ("target \"a\" {\n  context = escape\n}\n", "bake.unknown-variable", 2),
    ])
    func contextsMustBeDirectoriesInsideTheRoot(text: String, code: String, line: Int) throws {
        let tree = try TemporaryTree("bake-bad-context")
        try tree.write("repo/docker-bake.hcl", text)
        try tree.write("repo/Dockerfile", "FROM alpine\n")
        do {
            _ = try BuildDiscovery.discover(root: tree.path("repo"))
            Issue.record("discovered a build with a bad context")
        } catch let error as MonorepoError {
            #expect(error.code.rawValue == code)
            #expect(error.file == "docker-bake.hcl" && error.line == line, "\(error)")
        } catch let error as BakeError {
            #expect(error.code.rawValue == code)
            #expect(error.file == "docker-bake.hcl" && error.line == line, "\(error)")
        }
    }

    @Test func aBakeFileLinkedOutOfTheTreeIsNotRead() throws {
        let tree = try TemporaryTree("bake-link")
        try tree.write("outside/docker-bake.hcl", "target \"a\" {}\n")
        try tree.write("repo/Dockerfile", "FROM alpine\n")
        try tree.symlink("repo/docker-bake.hcl", to: "../outside/docker-bake.hcl")
        #expect(throws: InputError.self) { try BuildDiscovery.discover(root: tree.path("repo")) }
    }

    @Test func everyBuildScansAsItsOwnSingleScanDoes() throws {
        let tree = try BakeRepository.hcl()
        let builds = try BuildDiscovery.discover(root: tree.path)
        let report = try MultiContextScanner(root: tree.path, builds: builds, options: ContextScanner.Options()).scan()
        #expect(report.builds.map(\.build.name) == ["bake:web", "bake:worker", "tools/Dockerfile"])
        for scan in report.builds {
            var options = ContextScanner.Options()
            options.target = scan.build.target
            options.buildArgs = scan.build.buildArgs
            let context = try BuildContext.resolve(
                context: tree.path(scan.build.context), dockerfile: tree.path(scan.build.dockerfile),
                ignoreFileOverride: nil)
            let alone = try ContextScanner(
                context: context, rules: try IgnoreRules.load(for: context), options: options
            )
            .scan()
            #expect(scan.report.sent == alone.sent, "\(scan.build.name)")
            #expect(scan.report.build?.transferred == alone.build?.transferred, "\(scan.build.name)")
            #expect(scan.report.build?.target == alone.build?.target, "\(scan.build.name)")
        }
    }
}
