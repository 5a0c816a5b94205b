import Testing

@testable import BakeReader

@Suite struct BakeErrorTests {
    @Test(arguments: [
        ("target \"a\" {\n  context = \"x\n}\n", BakeError.Code.unterminated, 2),
        ("target \"a\" {\n  context = \"${\"\n}\n", .unterminated, 2),
        ("target \"a\" {\n  context = \"${V\"\n}\n", .syntax, 2),
        ("target \"a\" {\n  context = <<EOT\nline\n", .unterminated, 2),
        ("target \"a\" {\n  context = \"x\"\n", .unterminated, 1),
        ("/* open\n\ntarget \"a\" {}\n", .unterminated, 1),
        ("target \"a\" {\n  context = \"x\" \"y\"\n}\n", .syntax, 2),
        ("target \"a\" {\n  context = \"x\"\n  context = \"y\"\n}\n", .syntax, 3),
        ("}\n", .syntax, 1),
        ("target \"a\" {\n  args = [for x in L : x]\n}\n", .unsupported, 2),
        ("target \"a\" {\n  args = { for k, v in M : k => v }\n}\n", .unsupported, 2),
        ("target \"a\" {\n  target = L[*]\n}\n", .unsupported, 2),
        ("target \"a\" {\n  target = \"%{ if true }x%{ endif }\"\n}\n", .unsupported, 2),
        ("target \"a\" {\n  target = \"${~ V}\"\n}\n", .unsupported, 2),
        ("target \"a\" {\n\n  matrix = { v = \"1\" }\n  name = \"a-${v}\"\n}\n", .badValue, 3),
        ("target \"a\" {\n  matrix = { v = [\"1\", \"2\"] }\n}\n", .badValue, 1),
        ("target \"a\" {\n  name = \"b\"\n}\n", .badValue, 2),
        ("target \"a\" {\n  matrix = { v = [\"x y\"] }\n  name = v\n}\n", .badValue, 3),
        ("target \"a\" {\n  matrix = { a = range(11), b = range(11) }\n  name = \"t\"\n}\n", .unknownFunction, 2),
        ("target \"a\" {\n  target = NOPE\n}\n", .unknownVariable, 2),
        ("target \"a\" {\n  target = nope(1)\n}\n", .unknownFunction, 2),
        ("target \"a\" {\n  target = timestamp()\n}\n", .unsupported, 2),
        ("target \"a\" {\n  target = target.b.context\n}\n", .unsupported, 2),
        ("target \"a\" {\n  context = [\"x\"]\n}\n", .badValue, 2),
        ("target \"a\" {\n  args = \"x\"\n}\n", .badValue, 2),
        ("target \"a\" {\n  args = { A = [1] }\n}\n", .badValue, 2),
        ("target \"a\" {\n  target = \"${[1]}\"\n}\n", .badValue, 2),
        ("target \"a\" {\n  target = format(\"%x\", 1)\n}\n", .unsupported, 2),
        ("target \"a\" {\n  target = join(\",\")\n}\n", .badArgument, 2),
        ("target \"a\" {\n  target = 1 / 0\n}\n", .badValue, 2),
        (
            "variable \"A\" { default = B }\nvariable \"B\" { default = A }\ntarget \"a\" {\n  target = A\n}\n", .cycle,
            1
        ),
        ("function \"f\" {\n  params = [x]\n  result = f(x)\n}\ntarget \"a\" {\n  target = f(1)\n}\n", .cycle, 1),
        ("target \"a\" { inherits = [\"b\"] }\ntarget \"b\" { inherits = [\"a\"] }\n", .cycle, 2),
        ("target \"a\" {\n  inherits = [\"a\"]\n}\n", .cycle, 1),
        ("target \"a\" {}\ntarget \"b\" { inherits = [\"missing\"] }\n", .unknownTarget, 2),
        ("\n\ntarget \"a b\" {}\n", .badValue, 3),
        ("target \"a\" \"b\" {}\n", .syntax, 1),
    ])
    func errorsNameTheirLine(text: String, code: BakeError.Code, line: Int) throws {
        let error = try #require(failure(text))
        #expect(error.code == code, "\(error)")
        #expect(error.line == line, "\(error)")
        #expect(error.file == "docker-bake.hcl")
        #expect(error.message.hasPrefix("docker-bake.hcl:\(line): "))
    }

    @Test(arguments: [
        ("{\"target\": {\"a\": {\"context\": \"x\"}}", BakeError.Code.syntax, 1),
        ("{\n\"target\": {\"a\": {\"context\": \"x\n", .syntax, 2),
        ("{\n\"target\": {\"a\": {\"context\": \"x", .unterminated, 2),
        ("[1]", .syntax, 1),
        ("{\n\"target\": {\"a\": {\"context\": \"${NOPE}\"}}}", .unknownVariable, 2),
        ("{\"target\": {\"a\": {\"context\": \"a\", \"context\": \"b\"}}}", .syntax, 1),
    ])
    func jsonErrorsNameTheirLine(text: String, code: BakeError.Code, line: Int) throws {
        let error = try #require(failure(text, name: "docker-bake.json"))
        #expect(error.code == code, "\(error)")
        #expect(error.line == line, "\(error)")
    }

    @Test func invalidUTF8IsRejectedWithItsLine() throws {
        var bytes = Array("target \"a\" {\n  context = \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"\n}\n".utf8)
        for name in ["docker-bake.hcl", "docker-bake.json"] {
            do {
                _ = try BakeDefinition.read([.init(name: name, bytes: bytes)])
                Issue.record("read invalid UTF-8")
            } catch {
                #expect(error.code == .invalidUTF8)
                #expect(error.line == 2)
            }
        }
    }

    @Test func deepNestingIsBoundedNotACrash() throws {
        for (open, close) in [("[", "]"), ("(", ")"), ("{ a = ", " }"), ("!", "")] {
            let deep = String(repeating: open, count: 10_000) + "true" + String(repeating: close, count: 10_000)
            let error = try #require(failure("target \"a\" {\n  target = \(deep)\n}\n"))
            #expect(error.code == .tooDeep, "\(open): \(error)")
            #expect(error.line == 2)
        }
        let blocks = String(repeating: "b {\n", count: 10_000)
        #expect(failure(blocks)?.code == .tooDeep)
        let json = String(repeating: "[", count: 10_000)
        #expect(failure(json, name: "docker-bake.json")?.code == .tooDeep)
        let interpolations = String(repeating: "\"${", count: 5_000) + "1" + String(repeating: "}\"", count: 5_000)
        #expect(failure("target \"a\" {\n  target = \(interpolations)\n}\n")?.code == .tooDeep)
    }

    @Test func longVariableChainsAreBounded() throws {
        var text = "variable \"V0\" { default = \"x\" }\n"
        for index in 1...500 { text += "variable \"V\(index)\" { default = V\(index - 1) }\n" }
        text += "target \"a\" { target = V500 }\n"
        #expect(failure(text)?.code == .tooDeep)
    }

    @Test func longInheritsChainsAndTooManyTargetsAreBounded() throws {
        // Each target inherits from one declared after it, so none is resolved before its parent is needed.
        var chain = ""
        for index in 0..<5_000 { chain += "target \"t\(index)\" { inherits = [\"t\(index + 1)\"] }\n" }
        chain += "target \"t5000\" {}\n"
        #expect(failure(chain)?.code == .tooDeep)
        var many = ""
        for index in 0..<12 {
            let values = "[" + (0..<1000).map { "\"\($0)\"" }.joined(separator: ",") + "]"
            many += "target \"m\(index)\" {\n  matrix = { v = \(values) }\n  name = \"m\(index)-${v}\"\n}\n"
        }
        let error = try #require(failure(many))
        #expect(error.code == .tooLarge && error.line == 41, "\(error)")
    }

    @Test func doublingInterpolationsHitTheOutputBound() throws {
        var text = "variable \"V0\" { default = \"xxxxxxxx\" }\n"
        for index in 1...40 { text += "variable \"V\(index)\" { default = \"${V\(index - 1)}${V\(index - 1)}\" }\n" }
        text += "target \"a\" {\n  target = V40\n}\n"
        let error = try #require(failure(text))
        #expect(error.code == .tooLarge)
        var joined = "variable \"V0\" { default = \"xxxxxxxx\" }\n"
        for index in 1...25 {
            joined += "variable \"V\(index)\" { default = join(\"\", [V\(index - 1), V\(index - 1)]) }\n"
        }
        joined += "target \"a\" {\n  target = V25\n}\n"
        #expect(failure(joined)?.code == .tooLarge)
    }

    @Test func anErrorInAVariableNamesTheFileThatDeclaresIt() throws {
        do {
            _ = try BakeDefinition.read([
                .init(name: "docker-bake.hcl", bytes: Array("target \"a\" { target = TAG }\n".utf8)),
                .init(name: "docker-bake.override.hcl", bytes: Array("\nTAG = upper(NOPE)\n".utf8)),
            ])
            Issue.record("read an unknown variable")
        } catch {
            #expect(error.file == "docker-bake.override.hcl")
            #expect(error.line == 2)
            #expect(error.code == .unknownVariable)
        }
    }

    @Test func messagesNeverQuoteAValueThatLooksSecret() throws {
        let secret = "AKIAIOSFODNN7EXAMPLEabc123"
        let error = try #require(failure("target \"a\" {\n  target = \(secret)\n}\n"))
        #expect(error.code == .unknownVariable)
        #expect(!error.message.contains(secret))
    }
}
