import Testing

@testable import DockerfileReader

@Suite struct ShellLexerTests {
    static let variables = ["NAME": "app", "EMPTY": "", "DIR": "src/main", "FILE": "archive.tar.gz", "SPACED": "a b"]

    struct Case: CustomTestStringConvertible, Sendable {
        let word: String
        let expected: String
        let unresolved: [String]
        var escape: Unicode.Scalar = "\\"
        var testDescription: String { word }
    }

    static let cases: [Case] = [
        Case(word: "$NAME", expected: "app", unresolved: []),
        Case(word: "${NAME}.js", expected: "app.js", unresolved: []),
        Case(word: "$NAME.js", expected: "app.js", unresolved: []),
        Case(word: "$MISSING/x", expected: "/x", unresolved: ["MISSING"]),
        Case(word: "${MISSING:-dflt}", expected: "dflt", unresolved: ["MISSING"]),
        Case(word: "${EMPTY:-dflt}", expected: "dflt", unresolved: []),
        Case(word: "${EMPTY-dflt}", expected: "", unresolved: []),
        Case(word: "${MISSING-dflt}", expected: "dflt", unresolved: ["MISSING"]),
        Case(word: "${NAME:+set}", expected: "set", unresolved: []),
        Case(word: "${EMPTY:+set}", expected: "", unresolved: []),
        Case(word: "${EMPTY+set}", expected: "set", unresolved: []),
        Case(word: "${MISSING+set}", expected: "", unresolved: ["MISSING"]),
        Case(word: "${NAME:?must be set}", expected: "app", unresolved: []),
        Case(word: "${MISSING:-${NAME}-x}", expected: "app-x", unresolved: ["MISSING"]),
        Case(word: "${FILE%.*}", expected: "archive.tar", unresolved: []),
        Case(word: "${FILE%%.*}", expected: "archive", unresolved: []),
        Case(word: "${FILE#*.}", expected: "tar.gz", unresolved: []),
        Case(word: "${FILE##*.}", expected: "gz", unresolved: []),
        Case(word: "\\$NAME", expected: "$NAME", unresolved: []),
        Case(word: "'$NAME'", expected: "$NAME", unresolved: []),
        Case(word: "\"$NAME dir\"", expected: "app dir", unresolved: []),
        Case(word: "\"a\\\"b\\$c\\d\"", expected: "a\"b$c\\d", unresolved: []),
        Case(word: "a\\ b", expected: "a b", unresolved: []),
        Case(word: "$", expected: "$", unresolved: []),
        Case(word: "$/x", expected: "$/x", unresolved: []),
        Case(word: "${DIR}/*.go", expected: "src/main/*.go", unresolved: []),
        Case(word: "$SPACED", expected: "a b", unresolved: []),
        Case(word: "`$NAME", expected: "$NAME", unresolved: [], escape: "`"),
        Case(word: "c:\\$NAME", expected: "c:\\app", unresolved: [], escape: "`"),
    ]

    @Test(arguments: cases)
    func expands(_ testCase: Case) throws {
        let lexer = ShellLexer(escapeToken: testCase.escape, variables: Self.variables)
        let expansion = try lexer.expand(testCase.word)
        #expect(expansion.text == testCase.expected)
        #expect(expansion.unresolved == testCase.unresolved)
    }

    static let failures: [(String, String)] = [
        ("${NAME", "syntax error: missing '}'"),
        ("${}", "syntax error: bad substitution"),
        ("'open", "unexpected end of statement while looking for matching single-quote"),
        ("\"open", "unexpected end of statement while looking for matching double-quote"),
        ("${MISSING:?needed}", "MISSING: needed"),
        ("${MISSING?}", "MISSING: is not allowed to be unset"),
        ("${NAME:#x}", "unsupported modifier (:#) in substitution"),
        ("${NAME/a/b}", "unsupported modifier (/) in substitution"),
    ]

    @Test(arguments: failures)
    func fails(_ word: String, _ message: String) {
        let lexer = ShellLexer(escapeToken: "\\", variables: Self.variables)
        #expect(throws: ShellLexer.Failure(message: message)) { try lexer.expand(word) }
    }
}
