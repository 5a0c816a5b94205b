import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Compose projects read as `docker compose` reads them, through `BuildDiscovery.discover`, on real files.
@Suite struct ComposeProjectTests {
    func builds(
        _ tree: TemporaryTree, _ options: ComposeDiscoveryOptions = .init()
    ) throws -> [String: DiscoveredBuild] {
        let found = try BuildDiscovery.discover(root: tree.path, threads: 2, compose: options)
        return Dictionary(found.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func theOverrideFileIsMergedOverThePrimaryWithTheDotEnvValues() throws {
        let tree = try TemporaryTree("compose-override")
        try tree.write(".env", "API_TARGET=prod\nFROM_ENV=abc\n")
        try tree.write(
            "compose.yaml",
            """
            services:
              api:
                build:
                  context: ./api
                  target: dev
                  args:
                    - VERSION=1
                    - FROM_ENV
                    - NOT_SET_ANYWHERE
              web:
                image: nginx:1.27
              db:
                profiles: [debug]
                build: ./db

            """)
        try tree.write(
            "compose.override.yaml",
            """
            services:
              api:
                build:
                  target: ${API_TARGET}
                  args:
                    VERSION: "2"
                    EXTRA: x
              web:
                build: ./web

            """)
        // compose reads the first of its names and warns about the second: its service is not a build.
        try tree.write("docker-compose.yml", "services:\n  ghost:\n    build: ./api\n")
        for directory in ["api", "web", "db"] { try tree.write("\(directory)/Dockerfile", "FROM alpine:3.20\n") }
        let builds = try builds(tree)
        #expect(builds.keys.sorted() == ["api", "db", "web"])
        let api = try #require(builds["api"])
        #expect(api.context == "api" && api.dockerfile == "api/Dockerfile" && api.target == "prod")
        #expect(api.buildArgs == ["VERSION": "2", "FROM_ENV": "abc", "EXTRA": "x"])
        #expect(api.composeFile == "compose.override.yaml" && api.composeLine == 3)
        #expect(builds["web"]?.context == "web" && builds["web"]?.composeFile == "compose.override.yaml")
        // A profile hides nothing: every profile counts.
        #expect(builds["db"]?.context == "db")
        let result = try ComposeDiscovery.run(
            composeFiles: ["compose.yaml", "compose.override.yaml", "docker-compose.yml"],
            root: try #require(BuildContext.realPath(tree.path)))
        #expect(result.unused.map(\.file) == ["docker-compose.yml"])
        #expect(result.filesRead == [".env", "compose.override.yaml", "compose.yaml"])
    }

    @Test func includeAndExtendsResolvePathsAsComposeDoes() throws {
        let tree = try TemporaryTree("compose-include")
        try tree.write(
            "compose.yaml",
            """
            include:
              - path: services/worker/compose.yaml
              - stack/extra.yaml
            services:
              app:
                extends:
                  file: common/base.yaml
                  service: base
                build:
                  target: app
              tool:
                extends: app
                build:
                  args: [MODE=tool]

            """)
        try tree.write(
            "services/worker/compose.yaml",
            """
            services:
              worker:
                build:
                  context: .
                  target: ${WORKER_STAGE:-run}
                environment:
                  PASSWORD: ${DB_PASSWORD:?only the deployment sets it}

            """)
        try tree.write("services/worker/.env", "WORKER_STAGE=from-include-env\n")
        try tree.write("stack/extra.yaml", "services:\n  extra:\n    build: ../extra\n")
        try tree.write(
            "common/base.yaml",
            """
            services:
              root:
                build:
                  context: ../app
                  args: {BASE: "1"}
              base:
                extends: root
                build:
                  dockerfile: app.Dockerfile

            """)
        try tree.write("services/worker/Dockerfile", "FROM alpine:3.20\n")
        try tree.write("app/app.Dockerfile", "FROM alpine:3.20\n")
        try tree.write("extra/Dockerfile", "FROM alpine:3.20\n")
        let builds = try builds(tree)
        #expect(builds.keys.sorted() == ["app", "extra", "tool", "worker"])
        // The worker is declared once, whether read through the include or as its own directory's project.
        let worker = try #require(builds["worker"])
        #expect(worker.context == "services/worker" && worker.target == "from-include-env")
        #expect(worker.composeFile == "services/worker/compose.yaml")
        #expect(builds["extra"]?.context == "extra")
        // An extended service's context is relative to the file that declares it.
        let app = try #require(builds["app"])
        #expect(app.context == "app" && app.dockerfile == "app/app.Dockerfile" && app.target == "app")
        #expect(app.buildArgs == ["BASE": "1"])
        let tool = try #require(builds["tool"])
        #expect(tool.context == "app" && tool.target == "app" && tool.buildArgs == ["BASE": "1", "MODE": "tool"])
    }

    @Test func anIncludingProjectsVariablesWinOverTheIncludedEnvFile() throws {
        let tree = try TemporaryTree("compose-include-env")
        try tree.write(".env", "STAGE=outer\n")
        try tree.write(
            "compose.yaml", "include:\n  - path: [sub/one.yaml]\n    env_file: sub/vars.env\n")
        try tree.write("sub/vars.env", "STAGE=inner\nONLY_INNER=yes\n")
        try tree.write(
            "sub/one.yaml",
            "services:\n  one:\n    build:\n      context: .\n      target: ${STAGE}\n      args: [\"FLAG=${ONLY_INNER}\"]\n"
        )
        try tree.write("sub/Dockerfile", "FROM alpine:3.20\n")
        let one = try #require(try builds(tree)["one"])
        #expect(one.context == "sub" && one.target == "outer" && one.buildArgs == ["FLAG": "yes"])
    }

    @Test func anIncludesProjectDirectoryIsWherePathsResolve() throws {
        let tree = try TemporaryTree("compose-project-directory")
        try tree.write("compose.yaml", "include:\n  - path: defs/svc.yaml\n    project_directory: src/svc\n")
        try tree.write("defs/svc.yaml", "services:\n  svc:\n    build: .\n")
        try tree.write("src/svc/Dockerfile", "FROM alpine:3.20\n")
        let svc = try #require(try builds(tree)["svc"])
        #expect(
            svc.context == "src/svc" && svc.dockerfile == "src/svc/Dockerfile" && svc.composeFile == "defs/svc.yaml")
    }

    @Test func anInlineDockerfileOverOneMebibyteAndANamedContextOutsideTheRootAreErrors() throws {
        let scratch = try TemporaryTree("compose-limits")
        let huge = String(repeating: "RUN true\n", count: 120_000)
        let indented = huge.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        try scratch.write(
            "repo/compose.yaml", "services:\n  big:\n    build:\n      dockerfile_inline: |\n\(indented)\n")
        let big = try #require(throws: MonorepoError.self) {
            try BuildDiscovery.discover(root: scratch.path("repo"), threads: 2)
        }
        #expect(big.code == .malformedCompose && big.line == 4 && big.message.contains("larger than 1 MiB"))

        try scratch.makeDirectory("elsewhere")
        try scratch.write(
            "repo/compose.yaml",
            "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        - x=../elsewhere\n")
        let outside = try #require(throws: MonorepoError.self) {
            try BuildDiscovery.discover(root: scratch.path("repo"), threads: 2)
        }
        #expect(outside.code == .contextOutsideRoot && outside.file == "compose.yaml" && outside.line == 6)
    }

    @Test func additionalContextsAndAnInlineDockerfile() throws {
        let tree = try TemporaryTree("compose-contexts")
        let inline = "FROM alpine:3.20\nCOPY --from=docs . /docs\n"
        try tree.write(
            "compose.yaml",
            """
            services:
              site:
                build:
                  context: web
                  dockerfile_inline: |
                    FROM alpine:3.20
                    COPY --from=docs . /docs
                  additional_contexts:
                    docs: ./docs
                    base: service:base
                    image: docker-image://alpine:3.20
                    remote: https://github.com/example/repo.git
              lister:
                build:
                  context: .
                  dockerfile: tools/lister.Dockerfile
                  additional_contexts:
                    - shared=./libs/shared

            """)
        try tree.makeDirectory("web")
        try tree.makeDirectory("docs")
        try tree.makeDirectory("libs/shared")
        try tree.write("tools/lister.Dockerfile", "FROM alpine:3.20\n")
        let builds = try builds(tree)
        let site = try #require(builds["site"])
        #expect(site.inlineDockerfile == inline && site.dockerfile == "compose.yaml" && site.context == "web")
        // Only the local path is a named context to walk; the service, image and URL are not.
        #expect(site.namedContexts == ["docs": "docs"])
        #expect(builds["lister"]?.namedContexts == ["shared": "libs/shared"])
        #expect(builds["lister"]?.dockerfile == "tools/lister.Dockerfile")

        try tree.write(
            "compose.yaml",
            "services:\n  site:\n    build:\n      context: web\n      additional_contexts:\n"
                + "        docs: ./missing\n")
        let error = try #require(throws: MonorepoError.self) { try self.builds(tree) }
        #expect(error.code == .contextNotFound && error.file == "compose.yaml" && error.line == 6)
    }

    @Test func aVariantYieldsOnlyTheBuildsItChanges() throws {
        let tree = try TemporaryTree("compose-variant")
        try tree.write(
            "compose.yaml",
            "services:\n  api:\n    build: ./api\n  web:\n    build: ./web\n")
        try tree.write(
            "docker-compose.prod.yml",
            "services:\n  api:\n    build:\n      target: prod\n  web:\n    environment: {MODE: prod}\n")
        try tree.write("compose.ci.yaml", "services:\n  web:\n    environment: {CI: \"1\"}\n")
        try tree.write("api/Dockerfile", "FROM alpine:3.20 AS prod\n")
        try tree.write("web/Dockerfile", "FROM alpine:3.20\n")
        let builds = try builds(tree)
        #expect(builds.keys.sorted() == ["api", "docker-compose.prod.yml:api", "web"])
        let prod = try #require(builds["docker-compose.prod.yml:api"])
        #expect(prod.service == "api" && prod.target == "prod" && prod.context == "api")
        #expect(prod.composeFile == "docker-compose.prod.yml")
        #expect(builds["api"]?.target == nil)
    }

    @Test func composeFileInTheDotEnvChoosesTheProjectsFiles() throws {
        let tree = try TemporaryTree("compose-file-env")
        try tree.write("app/.env", "COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=compose.yaml;deploy/extra.yaml\n")
        try tree.write("app/compose.yaml", "services:\n  api:\n    build: ./api\n")
        try tree.write("app/deploy/extra.yaml", "services:\n  extra:\n    build: ./extra\n")
        // COMPOSE_FILE replaces the default list: the override file is not read.
        try tree.write("app/compose.override.yaml", "services:\n  api:\n    build:\n      target: dev\n")
        try tree.write("app/api/Dockerfile", "FROM alpine:3.20\n")
        try tree.write("app/extra/Dockerfile", "FROM alpine:3.20\n")
        let builds = try builds(tree)
        #expect(builds.keys.sorted() == ["api", "extra"])
        #expect(builds["api"]?.target == nil)
        // Paths in every file of the project resolve against the project directory, the first file's.
        #expect(builds["extra"]?.context == "app/extra" && builds["extra"]?.composeFile == "app/deploy/extra.yaml")
    }

    @Test func envFilesComposeFilesAndTheEnvironmentAreTheUsersChoice() throws {
        let tree = try TemporaryTree("compose-options")
        try tree.write(".env", "STAGE=dev\n")
        try tree.write("ci.env", "STAGE=ci\n")
        try tree.write(
            "compose.yaml",
            "services:\n  api:\n    build:\n      context: .\n      target: ${STAGE}\n"
                + "      dockerfile: ${GITHUB_TOKEN}Dockerfile\n")
        try tree.write("Dockerfile", "FROM alpine:3.20\n")
        let plain = try #require(try builds(tree)["api"])
        #expect(plain.target == "dev" && plain.dockerfile == "Dockerfile")
        // The environment is not read unless asked for: the token stays out, and is named as unset.
        #expect(plain.unsetVariables == ["GITHUB_TOKEN"])

        let envFile = try #require(
            try builds(tree, ComposeDiscoveryOptions(envFiles: [tree.path("ci.env")]))["api"])
        #expect(envFile.target == "ci")
        let environment = try #require(
            try builds(tree, ComposeDiscoveryOptions(environment: ["STAGE": "from-env", "GITHUB_TOKEN": "x."]))["api"])
        #expect(environment.target == "from-env" && environment.dockerfile == "x.Dockerfile")
        #expect(environment.unsetVariables.isEmpty)

        try tree.write("deploy/compose.yaml", "services:\n  discovered:\n    build: ..\n")
        try tree.write("deploy/a.yaml", "services:\n  chosen:\n    build:\n      context: ..\n      target: a\n")
        try tree.write("deploy/b.yaml", "services:\n  chosen:\n    build:\n      target: b\n")
        let chosen = try builds(
            tree, ComposeDiscoveryOptions(composeFiles: [tree.path("deploy/a.yaml"), tree.path("deploy/b.yaml")]))
        #expect(chosen["chosen"]?.target == "b" && chosen["chosen"]?.context == ".")
        #expect(chosen["discovered"] == nil && chosen["api"] != nil)
    }

    @Test func mergeKeysResetAndOverrideTagsAreApplied() throws {
        let tree = try TemporaryTree("compose-tags")
        try tree.write(
            "compose.yaml",
            """
            x-build: &defaults
              context: ./api
              args: {A: "1", B: "2"}
            services:
              api:
                build:
                  <<: *defaults
                  target: base
              gone:
                build: ./api

            """)
        try tree.write(
            "compose.override.yaml",
            """
            services:
              api:
                build:
                  target: !reset null
                  args: !override {C: "3"}
              gone:
                build: !reset null

            """)
        try tree.write("api/Dockerfile", "FROM alpine:3.20\n")
        let builds = try builds(tree)
        #expect(builds.keys.sorted() == ["api"])
        #expect(
            builds["api"]?.context == "api" && builds["api"]?.target == nil && builds["api"]?.buildArgs == ["C": "3"])
    }

    @Test(arguments: [
        ("include:\n  - ../outside/compose.yaml\n", 2, MonorepoError.Code.composeFileOutsideRoot),
        ("include:\n  - linked/compose.yaml\n", 2, .composeFileOutsideRoot),
        (
            "services:\n  a:\n    extends:\n      file: linked/compose.yaml\n      service: x\n", 4,
            .composeFileOutsideRoot
        ),
        ("services:\n  a:\n    extends:\n      file: /etc/passwd\n      service: x\n", 4, .composeFileOutsideRoot),
        ("include:\n  - missing.yaml\n", 2, .composeFileNotFound),
        ("services:\n  a:\n    extends: b\n  b:\n    extends: a\n", 3, .composeCycle),
        ("include:\n  - compose.yaml\n", 2, .composeCycle),
        ("services:\n  a:\n    extends: nobody\n", 3, .malformedCompose),
        ("services:\n  a:\n    build:\n      context: .\n      target: ${STAGE:?set STAGE}\n", 5, .requiredVariable),
        ("services:\n  a:\n    build: ./nowhere\n", 3, .contextNotFound),
    ])
    func hostileOrBrokenProjectsAreErrorsAtTheirLine(_ text: String, line: Int, code: MonorepoError.Code) throws {
        let scratch = try TemporaryTree("compose-hostile")
        // The file outside is a FIFO: were it opened at all, the error would be another one.
        try scratch.makeDirectory("outside")
        #expect(mkfifo(scratch.path("outside/compose.yaml"), 0o600) == 0)
        try scratch.write("repo/compose.yaml", text)
        try scratch.symlink("repo/linked", to: "../outside")
        let error = try #require(throws: MonorepoError.self) {
            try BuildDiscovery.discover(root: scratch.path("repo"), threads: 2)
        }
        #expect(error.code == code, "\(error.message)")
        #expect(error.file == "compose.yaml" && error.line == line, "\(error.message)")
    }

    @Test func aRequiredVariableInAnOverrideNamesTheOverrideFile() throws {
        let tree = try TemporaryTree("compose-required")
        try tree.write("compose.yaml", "services:\n  api:\n    build: .\n")
        try tree.write("compose.override.yaml", "services:\n  api:\n    build:\n      target: ${T:?set T}\n")
        let error = try #require(throws: MonorepoError.self) { try self.builds(tree) }
        #expect(error.code == .requiredVariable && error.file == "compose.override.yaml" && error.line == 4)
        #expect(error.message.contains("required variable T has no value (set T)"))
    }
}

/// Hostile YAML that only aliases make large.
@Suite struct ComposeAliasBombTests {
    /// Six levels of `<<: [*previous × 40]` would expand one `build:` to 40⁵ entries.
    @Test func mergeKeysThatMultiplyStopAtTheirBudget() throws {
        var text = "x0: &a0 {context: ., k0: v}\n"
        for level in 1..<6 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 40).joined(separator: ", ")
            text += "x\(level): &a\(level) {<<: [\(aliases)], k\(level): v}\n"
        }
        text += "services:\n  bomb:\n    build:\n      <<: *a5\n"
        let error = try #require(throws: MonorepoError.self) { try ComposeFile.parse(text, source: "compose.yaml") }
        #expect(error.code == .malformedCompose && error.message.contains("more than 100000 entries"))
    }
}
