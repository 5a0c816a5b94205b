import Testing

@testable import DockerfileReader

/// What the reader keeps of the source for BuildKit's lint rules: keywords as written, the comments before an
/// instruction (BuildKit's `PrevComment`), empty continuation lines, the `AS` word, the legacy `KEY value` form
/// and word expansion with the variables it used.
@Suite struct SourceFidelityTests {
    @Test func keywordsAreKeptAsWritten() throws {
        let dockerfile = try Dockerfile.parse("from alpine AS Build\n  Run true\nCOPY a b\n")
        #expect(dockerfile.instructions.map(\.writtenKeyword) == ["from", "Run", "COPY"])
        #expect(dockerfile.instructions.map(\.keyword) == ["FROM", "RUN", "COPY"])
        let from = dockerfile.stages[0].from
        #expect(from.writtenAs == "AS" && from.writtenStageName == "Build" && from.stageName == "build")
        #expect(try Dockerfile.parse("FROM alpine\n").stages[0].from.writtenAs == nil)
    }

    struct CommentCase: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        /// The comments of each instruction, joined by `|`.
        let expected: [String]
        var testDescription: String { label }
    }

    static let commentCases: [CommentCase] = [
        CommentCase(label: "one comment", text: "# the base\nFROM alpine\n", expected: ["the base"]),
        CommentCase(
            label: "directives are not comments", text: "# syntax=docker/dockerfile:1\n# note\nFROM alpine\n",
            expected: ["note"]),
        CommentCase(
            label: "an empty comment line starts the list again", text: "# a\n#\n# b\nARG x\nFROM alpine\n",
            expected: ["b", ""]),
        CommentCase(
            label: "a blank line does not", text: "# a\n\n# b\nFROM alpine\n", expected: ["a|b"]),
        CommentCase(
            label: "comments go to the next instruction only", text: "# a\nFROM alpine\nRUN x\n",
            expected: ["a", ""]),
        CommentCase(
            label: "comments inside a continuation are dropped", text: "FROM alpine\nRUN a \\\n# inner\n  b\nCMD x\n",
            expected: ["", "", ""]),
        CommentCase(
            label: "leading blanks and the marker are trimmed", text: "   #   spaced out  \nFROM alpine\n",
            expected: ["spaced out"]),
    ]

    @Test(arguments: commentCases)
    func comments(_ testCase: CommentCase) throws {
        let dockerfile = try Dockerfile.parse(testCase.text)
        #expect(dockerfile.instructions.map { $0.comments.joined(separator: "|") } == testCase.expected)
    }

    @Test func emptyContinuationLinesAreNoted() throws {
        let dockerfile = try Dockerfile.parse(
            "FROM alpine\nRUN a \\\n\n  b\nRUN c \\\n# note\n  d\nRUN e \\\n   \n  f\n")
        #expect(dockerfile.instructions.map(\.hasEmptyContinuationLine) == [false, true, false, true])
        #expect(dockerfile.instructions.map(\.arguments) == ["alpine", "a   b", "c   d", "e   f"])
    }

    @Test(arguments: [
        ("ENV A 1", true), ("ENV A=1", false), ("ENV A=\"x y\" B=2", false), ("LABEL maintainer me", true),
        ("LABEL a=b", false), ("ENV \"A B\"=1", false), ("ARG A", false), ("RUN echo a", false),
    ])
    func legacyKeyValueForm(_ line: String, _ legacy: Bool) throws {
        let dockerfile = try Dockerfile.parse("FROM alpine\n\(line)\n")
        #expect(dockerfile.usesLegacyKeyValueForm(dockerfile.instructions[1]) == legacy)
    }

    @Test func expansionSaysWhichVariablesItUsed() throws {
        let dockerfile = try Dockerfile.parse("FROM alpine\n")
        let expanded = dockerfile.expand("${A}-$B-${C:-c}-\\$D", variables: ["A": "a"])
        #expect(expanded == WordExpansion(text: "a--c-$D", matched: ["A"], unmatched: ["B", "C"]))
        #expect(dockerfile.expand("\"open", variables: [:]) == nil)
    }
}

/// A stage name used twice builds, as BuildKit builds it: `FROM name` takes the latest stage of that name before
/// it (`addState`), `COPY --from=name` and `--target` the last one in the file (`findStateByName`).
@Suite struct DuplicateStageNameTests {
    @Test func referencesResolveAsBuildKitDoes() throws {
        let dockerfile = try Dockerfile.parse(
            "FROM alpine:3.20 AS x\nFROM x AS y\nFROM busybox:1.36 AS X\nFROM scratch\nCOPY --from=x /a /b\n")
        #expect(dockerfile.stages.count == 4)
        #expect(dockerfile.stage(named: "X")?.index == 2)
        let usage = try dockerfile.contextUsage(target: nil, buildArgs: [:], namedContexts: [])
        #expect(usage.stages.last?.dependencies == [2], "COPY --from=x reads the last stage named x")
        let fromX = try dockerfile.contextUsage(target: "y", buildArgs: [:], namedContexts: [])
        #expect(fromX.stages.last?.baseImage.kind == .stage(0), "FROM x takes the x defined before it")
        let targeted = try dockerfile.contextUsage(target: "x", buildArgs: [:], namedContexts: [])
        #expect(targeted.targetStage == 2)
    }
}
