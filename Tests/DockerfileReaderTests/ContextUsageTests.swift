import Testing

@testable import DockerfileReader

@Suite struct ContextUsageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        var target: String? = nil
        var buildArgs: [String: String] = [:]
        /// pattern@line of every context source of the target
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "normalization", text: "FROM a\nCOPY ./src/ /a/\nCOPY /etc/../lib//x/. /b\nCOPY ../../up /c\n",
            expected: ["src@2", "lib/x@3", "up@4"]),
        Case(
            label: "root forms", text: "FROM a\nCOPY . .\nCOPY / /x\nCOPY ./ /y\nCOPY .. /z\n",
            expected: [".@2", ".@3", ".@4", ".@5"]),
        Case(
            label: "several sources and JSON form",
            text: "FROM a\nCOPY package.json package-lock.json ./\nCOPY [\"my dir/\", \"b\", \"/dst/\"]\n",
            expected: ["package.json@2", "package-lock.json@2", "my dir@3", "b@3"]),
        Case(
            label: "global ARG in FROM is not visible in the stage",
            text: "ARG DIR=src\nFROM a\nCOPY $DIR/x /\n", expected: ["x@3"]),
        Case(
            label: "redeclared global ARG inherits its value",
            text: "ARG DIR=src\nFROM a\nARG DIR\nCOPY $DIR/x /\n", expected: ["src/x@4"]),
        Case(
            label: "build arg overrides default",
            text: "FROM a\nARG APP=web\nCOPY apps/${APP} /app\n", buildArgs: ["APP": "api"], expected: ["apps/api@3"]),
        Case(
            label: "build arg for an undeclared ARG is ignored",
            text: "FROM a\nCOPY apps/${APP:-web} /app\n", buildArgs: ["APP": "api"], expected: ["apps/web@2"]),
        Case(label: "ENV wins over ARG", text: "FROM a\nARG D=arg\nENV D=env\nCOPY $D /\n", expected: ["env@4"]),
        Case(
            label: "ENV is inherited from the parent stage",
            text: "FROM a AS base\nENV SRC=lib\nFROM base\nCOPY $SRC /\n", expected: ["lib@4"]),
        Case(
            label: "quotes in JSON form are lexed", text: "FROM a\nARG N=x\nCOPY [\"'$N'\", \"\\\"$N\\\"\", \"/d\"]\n",
            expected: ["$N@3", "x@3"]),
        Case(label: "escaped dollar stays literal", text: "FROM a\nCOPY \\$weird /d\n", expected: ["$weird@2"]),
        Case(
            label: "URLs and git sources of ADD are remote",
            text: """
                FROM a
                ADD https://example.com/a.tgz http://x/y git@github.com:o/r.git git://h/r ssh://git@h/r local.tgz /d
                ADD https://github.com/o/r.git#main /src
                """,
            expected: ["local.tgz@2"]),
        Case(
            label: "github.com/ without scheme is a local path to BuildKit",
            text: "FROM a\nADD github.com/o/r /src\n", expected: ["github.com/o/r@2"]),
        Case(
            label: "COPY --from a stage, an index or an image reads no context",
            text: """
                FROM golang AS build
                COPY go.mod ./
                FROM alpine
                COPY --from=build /out /out
                COPY --from=0 /x /x
                COPY --from=nginx:latest /etc/nginx /etc/nginx
                """,
            expected: ["go.mod@2"]),
        Case(
            label: "heredoc sources read no context",
            text: "FROM a\nCOPY <<EOF config.yml /etc/\nk: v\nEOF\n", expected: ["config.yml@2"]),
        Case(
            label: "RUN bind mount without from reads the context",
            text: """
                FROM a
                RUN --mount=type=bind,source=go.sum,target=go.sum --mount=target=/src make
                RUN --mount=type=bind,src=./vendor/,dst=/v,ro go build
                RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=npm make
                """,
            expected: ["go.sum@2", ".@2", "vendor@3"]),
        Case(
            // The shapes of BuildKit's own Dockerfile and of Go cross builds: no target, so BuildKit mounts at the
            // working directory. ctxtrim rejected these with "a bind mount needs a target".
            label: "bind mounts without a target mount at the working directory",
            text: """
                FROM golang:1.22 AS binaries
                WORKDIR /src
                RUN --mount=type=bind,source=. --mount=type=cache,id=gomod,target=/go/pkg/mod go build ./...
                FROM alpine
                WORKDIR /out
                RUN --mount=from=binaries ls
                """,
            expected: [".@3"]),
        Case(
            label: "bind mount from a stage pulls the stage in",
            text: """
                FROM a AS deps
                COPY deps.txt .
                FROM a AS unused
                COPY unused.txt .
                FROM a
                RUN --mount=type=bind,from=deps,source=/x,target=/x make
                """,
            expected: ["deps.txt@2"]),
        Case(
            label: "target selects a stage and its dependencies",
            text: """
                FROM node AS deps
                COPY package.json .
                FROM deps AS build
                COPY src src
                FROM nginx AS final
                COPY --from=build /dist /usr/share/nginx/html
                COPY nginx.conf /etc/nginx/
                FROM a AS test
                COPY test test
                """,
            target: "FINAL", expected: ["package.json@2", "src@4", "nginx.conf@7"]),
        Case(
            label: "default target is the last stage",
            text: "FROM a AS one\nCOPY one .\nFROM a AS two\nCOPY two .\n", expected: ["two@4"]),
        Case(
            label: "FROM an image named like a later stage is an image",
            text: "FROM node AS node\nCOPY a .\nFROM node\nCOPY b .\n", target: nil, expected: ["a@2", "b@4"]),
        Case(
            label: "COPY --from with a variable",
            text: "FROM a AS builder\nCOPY x .\nFROM b\nARG SRC=builder\nCOPY --from=$SRC /x /x\n", expected: ["x@2"]),
        Case(
            label: "backtick escape in sources", text: "# escape=`\nFROM a\nCOPY `$HOME c:\\dir `\n  /d\n",
            expected: ["$HOME@3", "c:\\dir@3"]),
    ]

    @Test(arguments: cases)
    func sources(_ testCase: Case) throws {
        let usage = try parseFile(testCase.text).contextUsage(target: testCase.target, buildArgs: testCase.buildArgs)
        #expect(patterns(usage, withLines: true) == testCase.expected)
    }

    @Test func stagesAndDependenciesOfTarget() throws {
        let text = """
            FROM node AS deps
            FROM deps AS build
            FROM a AS tools
            FROM nginx
            COPY --from=build /a /a
            RUN --mount=type=cache,from=tools,target=/t x
            """
        let usage = try parseFile(text).contextUsage()
        #expect(usage.targetStage == 3)
        #expect(usage.stages.map(\.index) == [0, 1, 2, 3])
        #expect(usage.stages[3].dependencies == [1, 2])
        #expect(usage.stages[1].dependencies == [0])
        #expect(usage.stages[1].baseImage.kind == .stage(0))
    }

    @Test func flagsOfSources() throws {
        let text = """
            FROM a
            ARG EX=*.md
            COPY --exclude=$EX --exclude=tmp docs/*.txt src/[a-c]?.go /d/
            COPY * /all/
            COPY ./** /all/
            COPY $FROM_BASE_IMAGE/x /y
            """
        let sources = try parseFile(text).contextUsage().sources
        #expect(sources.map(\.pattern) == ["docs/*.txt", "src/[a-c]?.go", "*", "**", "x"])
        #expect(sources.map(\.isWildcard) == [true, true, true, true, false])
        #expect(sources.map(\.scope) == [.subset, .subset, .everyTopLevelEntry, .everyTopLevelEntry, .subset])
        #expect(sources[0].excludes == ["*.md", "tmp"])
        #expect(sources[4].unresolvedVariables == ["FROM_BASE_IMAGE"])
        #expect(sources[4].written == "/x")
    }

    @Test(arguments: [
        ("FROM a\nCOPY . .\n", true),
        ("FROM a\nCOPY ./ /app\n", true),
        ("FROM a\nADD / /app\n", true),
        ("FROM a\nCOPY * ./\n", true),
        ("FROM a\nRUN --mount=target=/src make\n", true),
        ("FROM a\nCOPY .* ./\n", false),
        ("FROM a\nCOPY src ./\n", false),
        ("FROM a AS x\nCOPY . .\nFROM b\nCOPY x .\n", false),
    ])
    func rootDetection(_ text: String, _ everything: Bool) throws {
        #expect(try parseFile(text).contextUsage().referencesEverything == everything)
    }

    @Test func baseImagesAndRunSteps() throws {
        let text = """
            ARG NODE=20
            FROM node:${NODE}-alpine AS deps
            RUN npm ci
            FROM python AS py
            RUN ["pip", "install", "-r", "requirements.txt"]
            FROM ubuntu:latest AS u
            FROM alpine@sha256:abcd AS d
            FROM registry:5000/team/app AS r
            FROM scratch AS s
            FROM deps
            COPY --from=py /a /a
            COPY --from=u /a /a
            COPY --from=d /a /a
            COPY --from=r /a /a
            COPY --from=s /a /a
            RUN <<EOF
            go mod download
            EOF
            """
        let usage = try parseFile(text).contextUsage()
        #expect(usage.stages.map(\.index) == [0, 1, 2, 3, 4, 5, 6])
        let images = usage.stages.map(\.baseImage)
        #expect(images[0].reference == "node:20-alpine" && images[0].tag == "20-alpine" && !images[0].floatsOnLatest)
        #expect(images[1].repository == "python" && images[1].tag == nil && images[1].floatsOnLatest)
        #expect(images[2].tag == "latest" && images[2].floatsOnLatest)
        #expect(images[3].digest == "sha256:abcd" && images[3].isDigestPinned && !images[3].floatsOnLatest)
        #expect(images[4].repository == "registry:5000/team/app" && images[4].tag == nil)
        #expect(images[5].kind == .scratch && !images[5].floatsOnLatest)
        #expect(images[6].kind == .stage(0))
        #expect(usage.stages[0].runSteps.map(\.run.command) == ["npm ci"])
        #expect(usage.stages[1].runSteps.map(\.run.execForm) == [["pip", "install", "-r", "requirements.txt"]])
        #expect(usage.stages[6].runSteps.first?.heredocs.first?.content == "go mod download\n")
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        var target: String? = nil
        let code: DockerfileError.Code
        let line: Int?
        var testDescription: String { label }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(label: "unknown target", text: "FROM a AS one\n", target: "two", code: .unknownTarget, line: nil),
        ErrorCase(label: "COPY of a URL", text: "FROM a\n\nCOPY https://x/y /d\n", code: .remoteSourceInCopy, line: 3),
        ErrorCase(label: "bad wildcard", text: "FROM a\nCOPY src/[a- /d\n", code: .badPattern, line: 2),
        ErrorCase(
            label: "bad global ARG default", text: "ARG A=1\n\nARG B=${A\nFROM a\n", code: .badSubstitution, line: 3),
        ErrorCase(label: "bad substitution", text: "FROM a\nCOPY ${A /d\n", code: .badSubstitution, line: 2),
        ErrorCase(label: "required variable", text: "FROM a\nCOPY ${A:?set A} /d\n", code: .badSubstitution, line: 2),
        ErrorCase(
            label: "from index out of range", text: "FROM a\nCOPY --from=3 /x /x\n", code: .invalidStageReference,
            line: 2),
        ErrorCase(
            label: "from itself", text: "FROM a AS me\nCOPY --from=me /x /x\n", code: .invalidStageReference, line: 2),
    ]

    @Test(arguments: errorCases)
    func errors(_ testCase: ErrorCase) throws {
        let dockerfile = try parseFile(testCase.text)
        do {
            _ = try dockerfile.contextUsage(target: testCase.target)
            Issue.record("expected \(testCase.code)")
        } catch {
            #expect(error.code == testCase.code, "\(error)")
            #expect(error.line == testCase.line, "\(error)")
        }
    }
}
