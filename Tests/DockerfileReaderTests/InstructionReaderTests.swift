import Testing

@testable import DockerfileReader

@Suite struct InstructionReaderTests {
    struct LineCase: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        /// keyword, arguments, startLine, endLine of each instruction
        let expected: [String]
        var testDescription: String { label }
    }

    static let lineCases: [LineCase] = [
        LineCase(
            label: "keywords are case-insensitive", text: "from alpine\nRuN echo hi\n",
            expected: ["FROM alpine 1-1", "RUN echo hi 2-2"]),
        LineCase(
            label: "comments and blank lines are skipped", text: "# comment\n\nFROM alpine\n  # indented\nRUN x\n",
            expected: ["FROM alpine 3-3", "RUN x 5-5"]),
        LineCase(
            label: "continuation joins lines",
            text: "FROM alpine\nRUN apt-get update && \\\n    apt-get install -y curl\n",
            expected: ["FROM alpine 1-1", "RUN apt-get update &&     apt-get install -y curl 2-3"]),
        LineCase(
            label: "comment lines inside a continuation are dropped",
            text: "FROM a\nRUN one \\\n# note\n  # indented note\n two\n",
            expected: ["FROM a 1-1", "RUN one  two 2-5"]),
        LineCase(
            label: "blank lines inside a continuation are dropped", text: "FROM a\nRUN one \\\n\n   \n two\n",
            expected: ["FROM a 1-1", "RUN one  two 2-5"]),
        LineCase(
            label: "blanks after the escape still continue", text: "FROM a\nRUN one \\  \t\n two\n",
            expected: ["FROM a 1-1", "RUN one  two 2-3"]),
        LineCase(
            label: "escaped escape does not continue", text: "FROM a\nRUN echo \\\\\nRUN b\n",
            expected: ["FROM a 1-1", "RUN echo \\\\ 2-2", "RUN b 3-3"]),
        LineCase(
            label: "continuation at end of file", text: "FROM a\nRUN one \\\n",
            expected: ["FROM a 1-1", "RUN one 2-2"]),
        LineCase(
            label: "escape directive switches to backtick", text: "# escape=`\nFROM a\nRUN dir c:\\ `\n  d:\\\n",
            expected: ["FROM a 2-2", "RUN dir c:\\   d:\\ 3-4"]),
        LineCase(
            label: "CRLF line endings", text: "FROM a\r\nRUN one \\\r\n two\r\n",
            expected: ["FROM a 1-1", "RUN one  two 2-3"]),
        LineCase(label: "byte order mark", text: "\u{FEFF}FROM a\n", expected: ["FROM a 1-1"]),
        LineCase(
            label: "hash inside an instruction is not a comment", text: "FROM a\nRUN echo # not a comment\n",
            expected: ["FROM a 1-1", "RUN echo # not a comment 2-2"]),
    ]

    @Test(arguments: lineCases)
    func linesAndContinuations(_ testCase: LineCase) throws {
        let dockerfile = try parseFile(testCase.text)
        let described = dockerfile.instructions.map {
            "\($0.keyword) \($0.arguments) \($0.startLine)-\($0.endLine)"
        }
        #expect(described == testCase.expected)
    }

    struct DirectiveCase: Sendable {
        let text: String
        let syntax: String?
        let escape: Unicode.Scalar
        let check: String?
    }

    static let directiveCases: [DirectiveCase] = [
        DirectiveCase(
            text: "# syntax=docker/dockerfile:1\nFROM a\n", syntax: "docker/dockerfile:1", escape: "\\", check: nil),
        DirectiveCase(
            text: "#syntax = docker/dockerfile:1.7  \n# escape=`\n# check=skip=all\nFROM a\n",
            syntax: "docker/dockerfile:1.7", escape: "`", check: "skip=all"),
        DirectiveCase(text: "# ESCAPE=`\nFROM a\n", syntax: nil, escape: "`", check: nil),
        DirectiveCase(text: "\n# escape=`\nFROM a\n", syntax: nil, escape: "\\", check: nil),
        DirectiveCase(text: "# a comment\n# escape=`\nFROM a\n", syntax: nil, escape: "\\", check: nil),
        DirectiveCase(text: "# unknown=1\n# escape=`\nFROM a\n", syntax: nil, escape: "\\", check: nil),
        DirectiveCase(text: "FROM a\n# escape=`\n", syntax: nil, escape: "\\", check: nil),
    ]

    @Test(arguments: directiveCases)
    func directives(_ testCase: DirectiveCase) throws {
        let directives = try parseFile(testCase.text).directives
        #expect(directives.syntax == testCase.syntax)
        #expect(directives.escapeToken == testCase.escape)
        #expect(directives.check == testCase.check)
    }

    struct HeredocCase: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        /// name, expands, stripsTabs, content of each heredoc of the last instruction
        let heredocs: [String]
        let endLine: Int
        var testDescription: String { label }
    }

    static let heredocCases: [HeredocCase] = [
        HeredocCase(
            label: "plain", text: "FROM a\nRUN <<EOF\necho hi\necho there\nEOF\n",
            heredocs: ["EOF true false echo hi\necho there\n"], endLine: 5),
        HeredocCase(
            label: "tab-stripping terminator", text: "FROM a\nRUN <<-EOT\n\techo hi\n\tEOT\n",
            heredocs: ["EOT true true \techo hi\n"], endLine: 4),
        HeredocCase(
            label: "double-quoted delimiter", text: "FROM a\nCOPY <<\"EOF\" /x\n$HOME\nEOF\n",
            heredocs: ["EOF false false $HOME\n"], endLine: 4),
        HeredocCase(
            label: "single-quoted delimiter", text: "FROM a\nCOPY <<'END' /x\nbody\nEND\n",
            heredocs: ["END false false body\n"], endLine: 4),
        HeredocCase(
            label: "several per line, in order", text: "FROM a\nCOPY <<one <<two /dst/\nfirst\none\nsecond\ntwo\n",
            heredocs: ["one true false first\n", "two true false second\n"], endLine: 6),
        HeredocCase(
            label: "with file descriptor", text: "FROM a\nRUN python3 3<<PY\nprint(1)\nPY\n",
            heredocs: ["PY true false print(1)\n"], endLine: 4),
        HeredocCase(
            label: "comment-like and continuation-like body lines are kept",
            text: "FROM a\nRUN <<EOF\n# kept\nx \\\nEOF\n",
            heredocs: ["EOF true false # kept\nx \\\n"], endLine: 5),
        HeredocCase(
            label: "exec form opens no heredoc", text: "FROM a\nRUN [\"echo\", \"<<EOF\"]\n",
            heredocs: [], endLine: 2),
        HeredocCase(label: "ENV opens no heredoc", text: "FROM a\nENV A=<<EOF\n", heredocs: [], endLine: 2),
    ]

    @Test(arguments: heredocCases)
    func heredocs(_ testCase: HeredocCase) throws {
        let last = try #require(try parseFile(testCase.text).instructions.last)
        #expect(
            last.heredocs.map { "\($0.name) \($0.expands) \($0.stripsLeadingTabs) \($0.content)" } == testCase.heredocs)
        #expect(last.endLine == testCase.endLine)
    }

    struct FormCase: Sendable {
        let line: String
        let execForm: [String]?
        let command: String
    }

    static let formCases: [FormCase] = [
        FormCase(line: "RUN [\"npm\", \"ci\"]", execForm: ["npm", "ci"], command: "npm ci"),
        FormCase(line: "RUN [ \"a\\\"b\", \"\\u00e9\\n\" ] trailing", execForm: ["a\"b", "é\n"], command: "a\"b é\n"),
        FormCase(line: "RUN [ -f package.json ] && npm ci", execForm: nil, command: "[ -f package.json ] && npm ci"),
        FormCase(line: "RUN ['npm', 'ci']", execForm: nil, command: "['npm', 'ci']"),
        FormCase(line: "RUN []", execForm: [], command: ""),
        FormCase(line: "RUN --mount=type=cache,target=/root/.npm npm ci", execForm: nil, command: "npm ci"),
    ]

    @Test(arguments: formCases)
    func runForms(_ testCase: FormCase) throws {
        let last = try #require(try parseFile("FROM a\n\(testCase.line)\n").instructions.last)
        guard case .run(let run) = last.detail else {
            Issue.record("not a RUN")
            return
        }
        #expect(run.execForm == testCase.execForm)
        #expect(run.command == testCase.command)
    }

    @Test func copyFlagsAreRead() throws {
        let text = """
            FROM a
            COPY --from=build --chown=1000:1000 --chmod=755 --link --parents --exclude=*.md --exclude="*.txt" src /dst
            ADD --keep-git-dir=true --checksum=sha256:abc --unpack=false --link=false git@github.com:o/r.git /src
            """
        let dockerfile = try parseFile(text)
        guard case .copy(let copy) = dockerfile.instructions[1].detail,
            case .copy(let add) = dockerfile.instructions[2].detail
        else {
            Issue.record("not COPY/ADD")
            return
        }
        #expect(copy.from == "build")
        #expect(copy.chown == "1000:1000")
        #expect(copy.chmod == "755")
        #expect(copy.link && copy.parents)
        #expect(copy.excludes == ["*.md", "*.txt"])
        #expect(copy.sources == ["src"])
        #expect(copy.destination == "/dst")
        #expect(add.isAdd && add.keepGitDir == true && add.checksum == "sha256:abc" && add.unpack == false)
        #expect(add.link == false)
    }

    @Test func argAndEnvForms() throws {
        let text = """
            ARG A B=2 "C=three 3"
            FROM a
            ENV X=1 Y="two words" Z=a\\ b
            ENV LEGACY value with spaces
            """
        let dockerfile = try parseFile(text)
        #expect(
            dockerfile.globalArgs == [
                VariableDefinition(name: "A", value: nil), VariableDefinition(name: "B", value: "2"),
                VariableDefinition(name: "\"C", value: "three 3\""),
            ])
        guard case .env(let env) = dockerfile.instructions[2].detail,
            case .env(let legacy) = dockerfile.instructions[3].detail
        else {
            Issue.record("not ENV")
            return
        }
        #expect(env.map(\.name) == ["X", "Y", "Z"])
        #expect(env.map(\.value) == ["1", "\"two words\"", "a\\ b"])
        #expect(legacy == [VariableDefinition(name: "LEGACY", value: "value with spaces")])
    }

    @Test func stagesAreNumberedAndNamed() throws {
        let dockerfile = try parseFile(
            "ARG V=1\nFROM --platform=$BUILDPLATFORM golang:1.22 AS Build\nRUN x\nFROM scratch\n")
        #expect(dockerfile.stages.map(\.index) == [0, 1])
        #expect(dockerfile.stages.map(\.name) == ["build", nil])
        #expect(dockerfile.stages[0].from.platform == "$BUILDPLATFORM")
        #expect(dockerfile.stages[0].instructions.map(\.keyword) == ["RUN"])
        #expect(dockerfile.stage(named: "BUILD")?.index == 0)
        #expect(dockerfile.stage(named: "1")?.index == 1)
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        let code: DockerfileError.Code
        let line: Int?
        var testDescription: String { label }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(label: "invalid escape", text: "# escape=x\nFROM a\n", code: .invalidEscapeToken, line: 1),
        ErrorCase(
            label: "repeated directive", text: "# escape=`\n# escape=\\\nFROM a\n", code: .duplicateDirective, line: 2),
        ErrorCase(label: "empty file", text: "# only a comment\n\n", code: .noInstructions, line: nil),
        ErrorCase(label: "no FROM", text: "ARG A=1\n", code: .missingFrom, line: nil),
        ErrorCase(label: "instruction before FROM", text: "RUN x\nFROM a\n", code: .missingFrom, line: 1),
        ErrorCase(label: "unknown instruction", text: "FROM a\nCOPPY x y\n", code: .unknownInstruction, line: 2),
        ErrorCase(
            label: "unterminated heredoc", text: "FROM a\n\nRUN <<EOF\necho\n", code: .unterminatedHeredoc, line: 3),
        ErrorCase(label: "unknown COPY flag", text: "FROM a\nCOPY --form=x a b\n", code: .unknownFlag, line: 2),
        ErrorCase(label: "ADD does not take --from", text: "FROM a\nADD --from=x a b\n", code: .unknownFlag, line: 2),
        ErrorCase(label: "flag without value", text: "FROM a\nCOPY --from a b\n", code: .badFlagValue, line: 2),
        ErrorCase(label: "bad boolean", text: "FROM a\nCOPY --link=yes a b\n", code: .badFlagValue, line: 2),
        ErrorCase(
            label: "repeated flag", text: "FROM a\nCOPY --chown=1 --chown=2 a b\n", code: .duplicateFlag, line: 2),
        ErrorCase(label: "FROM without image", text: "FROM\n", code: .missingArguments, line: 1),
        ErrorCase(label: "FROM with two words", text: "FROM a b\n", code: .missingArguments, line: 1),
        ErrorCase(label: "COPY with one argument", text: "FROM a\nCOPY src\n", code: .missingArguments, line: 2),
        ErrorCase(label: "RUN without command", text: "FROM a\nRUN\n", code: .missingArguments, line: 2),
        ErrorCase(label: "bad JSON in COPY", text: "FROM a\n\nCOPY [\"a\", \"b\"\n", code: .badJSONArray, line: 3),
        ErrorCase(label: "single quotes in COPY JSON", text: "FROM a\nCOPY ['a', 'b']\n", code: .badJSONArray, line: 2),
        ErrorCase(label: "non-string in JSON", text: "FROM a\nCMD [\"a\", 1]\n", code: .badJSONArray, line: 2),
        ErrorCase(
            label: "heredoc destination", text: "FROM a\nCOPY a <<EOF\nx\nEOF\n", code: .heredocDestination, line: 2),
        ErrorCase(label: "invalid stage name", text: "FROM a AS 1st\n", code: .invalidStageName, line: 1),
        ErrorCase(
            label: "mount with unknown key", text: "FROM a\nRUN --mount=type=bind,target=/x,colour=red make\n",
            code: .invalidMount, line: 2),
        ErrorCase(
            label: "mount with unknown type", text: "FROM a\nRUN --mount=type=nfs,target=/x make\n",
            code: .invalidMount, line: 2),
        ErrorCase(
            label: "error line after continuation", text: "FROM a\nRUN a \\\n b\nCOPY x\n", code: .missingArguments,
            line: 4),
        ErrorCase(label: "ENV without =", text: "FROM a\nENV A=1 B\n", code: .missingArguments, line: 2),
    ]

    @Test(arguments: errorCases)
    func errors(_ testCase: ErrorCase) throws {
        let error = try #require(parseError(testCase.text))
        #expect(error.code == testCase.code, "\(error)")
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.path == "Dockerfile")
    }
}
