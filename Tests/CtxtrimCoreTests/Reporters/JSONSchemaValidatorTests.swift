import Foundation
import Testing

@testable import CtxtrimCore

/// The test validator itself: each keyword accepts what it should and rejects what it should.
@Suite struct JSONSchemaValidatorTests {
    /// (schema, instance, valid): one or more rows per supported keyword.
    static let cases: [(schema: String, instance: String, valid: Bool)] = [
        (#"{"type": "integer"}"#, "3", true),
        (#"{"type": "integer"}"#, "3.0", true),
        (#"{"type": "integer"}"#, "3.5", false),
        (#"{"type": "number"}"#, "3.5", true),
        (#"{"type": "string"}"#, "3", false),
        (#"{"type": ["string", "null"]}"#, "null", true),
        (#"{"type": ["string", "null"]}"#, "false", false),
        (#"{"type": "boolean"}"#, "true", true),
        (#"{"type": "array"}"#, "{}", false),
        (#"{"type": "object"}"#, "{}", true),
        (#"{"enum": ["a", 1, null]}"#, "1.0", true),
        (#"{"enum": ["a", 1, null]}"#, #""b""#, false),
        (#"{"const": {"a": [1]}}"#, #"{"a": [1]}"#, true),
        (#"{"const": 1}"#, "2", false),
        (#"{"required": ["a"]}"#, #"{"a": 1}"#, true),
        (#"{"required": ["a"]}"#, #"{"b": 1}"#, false),
        (#"{"required": ["a"]}"#, "[]", true),
        (#"{"properties": {"a": {"type": "string"}}}"#, #"{"a": "x", "b": 1}"#, true),
        (#"{"properties": {"a": {"type": "string"}}}"#, #"{"a": 1}"#, false),
        (#"{"properties": {"a": true}, "additionalProperties": false}"#, #"{"a": 1}"#, true),
        (#"{"properties": {"a": true}, "additionalProperties": false}"#, #"{"a": 1, "b": 2}"#, false),
        (#"{"additionalProperties": {"type": "integer"}}"#, #"{"x": 1, "y": 2}"#, true),
        (#"{"additionalProperties": {"type": "integer"}}"#, #"{"x": "1"}"#, false),
        (#"{"patternProperties": {"^x-": {"type": "integer"}}, "additionalProperties": false}"#, #"{"x-a": 1}"#, true),
        (#"{"patternProperties": {"^x-": {"type": "integer"}}, "additionalProperties": false}"#, #"{"y": 1}"#, false),
        (#"{"items": {"type": "integer"}}"#, "[1, 2]", true),
        (#"{"items": {"type": "integer"}}"#, #"[1, "2"]"#, false),
        (#"{"items": [{"type": "integer"}, {"type": "string"}]}"#, #"[1, "2", null]"#, true),
        (#"{"items": [{"type": "integer"}, {"type": "string"}]}"#, #"[1, 2]"#, false),
        (#"{"prefixItems": [{"type": "integer"}], "items": {"type": "string"}}"#, #"[1, "a"]"#, true),
        (#"{"prefixItems": [{"type": "integer"}], "items": {"type": "string"}}"#, #"[1, 2]"#, false),
        (#"{"contains": {"const": 2}}"#, "[1, 2]", true),
        (#"{"contains": {"const": 2}}"#, "[1]", false),
        (#"{"minItems": 1}"#, "[]", false),
        (#"{"maxItems": 1}"#, "[1, 2]", false),
        (#"{"uniqueItems": true}"#, "[1, 2]", true),
        (#"{"uniqueItems": true}"#, "[1, 1.0]", false),
        (#"{"uniqueItems": true}"#, #"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#, false),
        (#"{"minProperties": 1}"#, "{}", false),
        (#"{"maxProperties": 1}"#, #"{"a": 1, "b": 2}"#, false),
        (#"{"minimum": 0}"#, "0", true),
        (#"{"minimum": 0}"#, "-1", false),
        (#"{"maximum": 2}"#, "3", false),
        (#"{"exclusiveMinimum": 0}"#, "0", false),
        (#"{"exclusiveMaximum": 2}"#, "1.5", true),
        (#"{"multipleOf": 2}"#, "3", false),
        (#"{"minimum": 0}"#, #""text""#, true),
        (#"{"minLength": 2}"#, #""é""#, false),
        (#"{"maxLength": 1}"#, #""é""#, true),
        (#"{"pattern": "[0-9]+(\\.[0-9]+){3}"}"#, #""v1.2.3.4-beta""#, true),
        (#"{"pattern": "^[a-z]+$"}"#, #""abc1""#, false),
        (#"{"allOf": [{"minimum": 1}, {"maximum": 3}]}"#, "2", true),
        (#"{"allOf": [{"minimum": 1}, {"maximum": 3}]}"#, "4", false),
        (#"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#, "1", true),
        (#"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#, "true", false),
        (#"{"oneOf": [{"type": "integer"}, {"type": "number"}]}"#, "1.5", true),
        (#"{"oneOf": [{"type": "integer"}, {"type": "number"}]}"#, "1", false),
        (#"{"not": {"type": "null"}}"#, "null", false),
        (##"{"$defs": {"n": {"type": "integer"}}, "$ref": "#/$defs/n"}"##, "1", true),
        (##"{"definitions": {"n": {"type": "integer"}}, "items": {"$ref": "#/definitions/n"}}"##, ##"["1"]"##, false),
        (##"{"definitions": {"a/b": {"type": "integer"}}, "$ref": "#/definitions/a~1b"}"##, "null", false),
        (#"{"format": "uri", "description": "annotations only", "default": 1, "title": "t"}"#, #""not a uri""#, true),
        ("false", "1", false),
        ("true", "1", true),
    ]

    @Test(arguments: cases.indices)
    func keyword(_ index: Int) throws {
        let row = Self.cases[index]
        let validator = try JSONSchemaValidator(schema: JSONText.parse(row.schema))
        let errors = validator.errors(in: try JSONText.parse(row.instance))
        #expect(errors.isEmpty == row.valid, "\(row.schema) on \(row.instance): \(errors)")
    }

    @Test func refusesKeywordsItDoesNotImplement() throws {
        for schema in [#"{"if": {"type": "string"}}"#, #"{"properties": {"a": {"dependentRequired": {}}}}"#] {
            #expect(throws: JSONSchemaValidator.UnsupportedSchema.self) {
                try JSONSchemaValidator(schema: JSONText.parse(schema))
            }
        }
    }

    @Test func refusesRemoteReferences() throws {
        #expect(throws: JSONSchemaValidator.UnsupportedSchema.self) {
            try JSONSchemaValidator(schema: JSONText.parse(#"{"$ref": "https://example.invalid/s.json"}"#))
        }
    }

    @Test func reportsAnUnresolvableReference() throws {
        let validator = try JSONSchemaValidator(schema: JSONText.parse(##"{"$ref": "#/$defs/missing"}"##))
        #expect(validator.errors(in: .int(1)).count == 1)
    }

    @Test func pointsAtTheOffendingMember() throws {
        let validator = try JSONSchemaValidator(
            schema: JSONText.parse(#"{"properties": {"list": {"items": {"required": ["id"]}}}}"#))
        #expect(
            validator.errors(in: try JSONText.parse(#"{"list": [{"id": 1}, {}]}"#)) == [
                "/list/1: missing required property id"
            ])
    }

    /// Every keyword of the official SARIF schema is implemented: building the validator would throw otherwise.
    @Test func implementsEveryKeywordOfTheSARIFSchema() throws {
        _ = try JSONSchemaValidator(schema: ReporterFixtures.sarifSchema())
        _ = try JSONSchemaValidator(schema: ReporterFixtures.scanReportSchema())
    }

    @Test func parserRejectsMalformedJSON() {
        for text in ["{", "[1,]", "{\"a\": [1 ,\n] }", #"{"a": 1,}"#, #"{"a" 1}"#, "01x", #""\q""#, "[1] 2"] {
            #expect(throws: JSONText.ParseError.self, "\(text)") { try JSONText.parse(text) }
        }
    }

    @Test func parserReadsBackWhatJSONValueRenders() throws {
        let value = JSONValue.object([
            "s": .string("a\"b\\c\n\u{1}é😀\u{2028}"), "n": .int(-42), "d": .double(2.5), "b": .bool(false), "z": .null,
            "a": .array([.int(1), .object([:]), .array([])]),
        ])
        #expect(try JSONText.parse(value.rendered()) == value)
        #expect(try JSONText.parse(value.rendered(indent: 0)) == value)
        // Commas, brackets, quotes and backslashes inside strings are not trailing commas.
        #expect(
            try JSONText.parse(#"[",]", "a\\", "b\"", {"k,": "}"}]"#)
                == .array([.string(",]"), .string("a\\"), .string("b\""), .object(["k,": .string("}")])]))
    }
}
