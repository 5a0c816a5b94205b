import Testing

@testable import CtxtrimCore

@Suite struct JSONValueTests {
    @Test func sortsKeysAndRendersCompact() {
        let value = JSONValue.object(["b": .int(1), "a": .array([.null, .bool(true)]), "c": .string("x")])
        #expect(value.rendered(indent: 0) == #"{"a":[null,true],"b":1,"c":"x"}"#)
    }

    @Test func escapesControlCharactersAndQuotes() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}é").rendered(indent: 0) == #""a\"b\\c\n\u0001é""#)
    }

    @Test func indents() {
        let value = JSONValue.object(["k": .array([.int(1)]), "e": .object([:])])
        #expect(value.rendered() == "{\n  \"e\": {},\n  \"k\": [\n    1\n  ]\n}")
    }
}
