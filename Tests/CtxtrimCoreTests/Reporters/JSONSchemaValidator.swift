import Foundation

@testable import CtxtrimCore

/// A JSON Schema validator for the keywords ctxtrim's schemas and the official SARIF 2.1.0 schema use (draft-04,
/// draft-07 and 2020-12 spellings alike).
///
/// Building a validator walks the whole schema and refuses any keyword it does not implement, so a schema can never
/// pass because a constraint was silently skipped. `$ref` resolves local JSON pointers (`#/definitions/x`,
/// `#/$defs/x`); `format` is an annotation, as the specifications allow.
struct JSONSchemaValidator {
    struct UnsupportedSchema: Error, CustomStringConvertible {
        let pointer: String
        let reason: String
        var description: String { "schema at \(pointer): \(reason)" }
    }

    /// Keywords that only annotate.
    static let annotations: Set<String> = [
        "$schema", "$id", "id", "title", "description", "default", "format", "examples", "$comment", "deprecated",
        "readOnly", "writeOnly",
    ]
    /// Keywords whose value is a map of subschemas.
    static let schemaMaps: Set<String> = ["properties", "patternProperties", "definitions", "$defs"]
    /// Keywords whose value is a list of subschemas.
    static let schemaLists: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    /// Keywords whose value is one subschema.
    static let singleSchemas: Set<String> = ["not", "additionalProperties", "contains"]
    /// Keywords whose value is data.
    static let assertions: Set<String> = [
        "type", "enum", "const", "required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
        "$ref",
    ]
    /// Every keyword the validator knows.
    static var supportedKeywords: Set<String> {
        annotations.union(schemaMaps).union(schemaLists).union(singleSchemas).union(assertions).union(["items"])
    }

    let root: JSONValue
    private let patterns: [String: NSRegularExpression]

    init(schema: JSONValue) throws {
        root = schema
        var patterns: [String: NSRegularExpression] = [:]
        try JSONSchemaValidator.audit(schema, pointer: "#", patterns: &patterns)
        self.patterns = patterns
    }

    /// Checks that `schema` uses only supported keywords and compiles its patterns.
    private static func audit(
        _ schema: JSONValue, pointer: String, patterns: inout [String: NSRegularExpression]
    ) throws {
        if case .bool = schema { return }
        guard case .object(let members) = schema else {
            throw UnsupportedSchema(pointer: pointer, reason: "a schema must be an object or a boolean")
        }
        for (keyword, value) in members {
            let here = pointer + "/" + escape(keyword)
            guard supportedKeywords.contains(keyword) else {
                throw UnsupportedSchema(pointer: here, reason: "unsupported keyword")
            }
            if schemaMaps.contains(keyword) {
                guard case .object(let map) = value else { throw UnsupportedSchema(pointer: here, reason: "not a map") }
                for (name, subschema) in map {
                    try audit(subschema, pointer: here + "/" + escape(name), patterns: &patterns)
                }
                if keyword == "patternProperties" {
                    for name in map.keys { patterns[name] = try regex(name, pointer: here) }
                }
            } else if schemaLists.contains(keyword) {
                guard case .array(let list) = value else {
                    throw UnsupportedSchema(pointer: here, reason: "not a list")
                }
                for (index, subschema) in list.enumerated() {
                    try audit(subschema, pointer: "\(here)/\(index)", patterns: &patterns)
                }
            } else if singleSchemas.contains(keyword) {
                try audit(value, pointer: here, patterns: &patterns)
            } else if keyword == "items" {
                if case .array(let list) = value {
                    for (index, subschema) in list.enumerated() {
                        try audit(subschema, pointer: "\(here)/\(index)", patterns: &patterns)
                    }
                } else {
                    try audit(value, pointer: here, patterns: &patterns)
                }
            } else if keyword == "pattern" {
                guard case .string(let source) = value else {
                    throw UnsupportedSchema(pointer: here, reason: "pattern must be a string")
                }
                patterns[source] = try regex(source, pointer: here)
            } else if keyword == "$ref" {
                guard case .string(let reference) = value, reference.hasPrefix("#") else {
                    throw UnsupportedSchema(pointer: here, reason: "only local references are supported")
                }
            }
        }
    }

    private static func regex(_ source: String, pointer: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: source)
        } catch {
            throw UnsupportedSchema(pointer: pointer, reason: "invalid pattern \(source)")
        }
    }

    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Every violation of `instance`, as `instance-pointer: reason`; empty when it is valid.
    func errors(in instance: JSONValue) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, at: "", errors: &errors)
        return errors
    }

    private func validate(_ instance: JSONValue, against schema: JSONValue, at path: String, errors: inout [String]) {
        switch schema {
        case .bool(true): return
        case .bool(false):
            errors.append("\(path): no value is allowed here")
            return
        case .object(let keywords):
            for (keyword, value) in keywords.sorted(by: { $0.key < $1.key }) {
                check(keyword, value, instance, schema: keywords, at: path, errors: &errors)
            }
        default: errors.append("\(path): invalid schema")
        }
    }

    private func check(
        _ keyword: String, _ value: JSONValue, _ instance: JSONValue, schema: [String: JSONValue], at path: String,
        errors: inout [String]
    ) {
        switch keyword {
        case "$ref":
            guard case .string(let reference) = value, let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(value.rendered(indent: 0))")
                return
            }
            validate(instance, against: target, at: path, errors: &errors)
        case "type":
            let names: [String]
            switch value {
            case .string(let name): names = [name]
            case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if !names.contains(where: { JSONSchemaValidator.instance(instance, hasType: $0) }) {
                errors.append("\(path): expected \(names.joined(separator: " or ")), found \(typeName(instance))")
            }
        case "enum":
            guard case .array(let options) = value else { return }
            if !options.contains(where: { JSONSchemaValidator.equal($0, instance) }) {
                errors.append("\(path): \(instance.rendered(indent: 0)) is not one of \(value.rendered(indent: 0))")
            }
        case "const":
            if !JSONSchemaValidator.equal(value, instance) {
                errors.append("\(path): expected \(value.rendered(indent: 0)), found \(instance.rendered(indent: 0))")
            }
        case "required":
            guard case .object(let members) = instance, case .array(let names) = value else { return }
            for case .string(let name) in names where members[name] == nil {
                errors.append("\(path): missing required property \(name)")
            }
        case "properties":
            guard case .object(let members) = instance, case .object(let schemas) = value else { return }
            for (name, subschema) in schemas.sorted(by: { $0.key < $1.key }) {
                if let member = members[name] {
                    validate(member, against: subschema, at: path + "/" + name, errors: &errors)
                }
            }
        case "patternProperties":
            guard case .object(let members) = instance, case .object(let schemas) = value else { return }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                for (source, subschema) in schemas where matches(source, name) {
                    validate(member, against: subschema, at: path + "/" + name, errors: &errors)
                }
            }
        case "additionalProperties":
            guard case .object(let members) = instance else { return }
            let declared: Set<String> =
                if case .object(let properties) = schema["properties"] { Set(properties.keys) } else { [] }
            let patternSources: [String] =
                if case .object(let map) = schema["patternProperties"] { Array(map.keys) } else { [] }
            for (name, member) in members.sorted(by: { $0.key < $1.key })
            where !declared.contains(name) && !patternSources.contains(where: { matches($0, name) }) {
                if case .bool(false) = value {
                    errors.append("\(path): property \(name) is not allowed")
                } else {
                    validate(member, against: value, at: path + "/" + name, errors: &errors)
                }
            }
        case "items":
            guard case .array(let items) = instance else { return }
            if case .array(let tuple) = value {
                for (index, item) in items.enumerated() where index < tuple.count {
                    validate(item, against: tuple[index], at: "\(path)/\(index)", errors: &errors)
                }
            } else {
                let start: Int = if case .array(let prefix) = schema["prefixItems"] { prefix.count } else { 0 }
                for (index, item) in items.enumerated() where index >= start {
                    validate(item, against: value, at: "\(path)/\(index)", errors: &errors)
                }
            }
        case "prefixItems":
            guard case .array(let items) = instance, case .array(let tuple) = value else { return }
            for (index, item) in items.enumerated() where index < tuple.count {
                validate(item, against: tuple[index], at: "\(path)/\(index)", errors: &errors)
            }
        case "contains":
            guard case .array(let items) = instance else { return }
            if !items.contains(where: { isValid($0, against: value) }) {
                errors.append("\(path): no item matches the contains schema")
            }
        case "minItems", "maxItems":
            guard case .array(let items) = instance, let bound = JSONSchemaValidator.number(value) else { return }
            if keyword == "minItems" ? Double(items.count) < bound : Double(items.count) > bound {
                errors.append("\(path): \(items.count) items violates \(keyword) \(value.rendered(indent: 0))")
            }
        case "uniqueItems":
            guard case .array(let items) = instance, case .bool(true) = value else { return }
            for index in items.indices
            where items[..<index].contains(where: { JSONSchemaValidator.equal($0, items[index]) }) {
                errors.append("\(path)/\(index): duplicate item")
            }
        case "minProperties", "maxProperties":
            guard case .object(let members) = instance, let bound = JSONSchemaValidator.number(value) else { return }
            if keyword == "minProperties" ? Double(members.count) < bound : Double(members.count) > bound {
                errors.append("\(path): \(members.count) properties violates \(keyword)")
            }
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
            guard let number = JSONSchemaValidator.number(instance), let bound = JSONSchemaValidator.number(value)
            else {
                return
            }
            let ok =
                switch keyword {
                case "minimum": number >= bound
                case "maximum": number <= bound
                case "exclusiveMinimum": number > bound
                case "exclusiveMaximum": number < bound
                default: bound > 0 && (number / bound).rounded() == number / bound
                }
            if !ok {
                errors.append(
                    "\(path): \(instance.rendered(indent: 0)) violates \(keyword) \(value.rendered(indent: 0))")
            }
        case "minLength", "maxLength":
            guard case .string(let text) = instance, let bound = JSONSchemaValidator.number(value) else { return }
            let length = Double(text.unicodeScalars.count)
            if keyword == "minLength" ? length < bound : length > bound {
                errors.append("\(path): string length \(Int(length)) violates \(keyword) \(Int(bound))")
            }
        case "pattern":
            guard case .string(let text) = instance, case .string(let source) = value else { return }
            if !matches(source, text) {
                errors.append("\(path): \(instance.rendered(indent: 0)) does not match pattern \(source)")
            }
        case "allOf":
            guard case .array(let subschemas) = value else { return }
            for subschema in subschemas { validate(instance, against: subschema, at: path, errors: &errors) }
        case "anyOf":
            guard case .array(let subschemas) = value else { return }
            if !subschemas.contains(where: { isValid(instance, against: $0) }) {
                errors.append("\(path): matches none of the anyOf schemas")
            }
        case "oneOf":
            guard case .array(let subschemas) = value else { return }
            let matching = subschemas.filter { isValid(instance, against: $0) }.count
            if matching != 1 { errors.append("\(path): matches \(matching) of the oneOf schemas instead of exactly 1") }
        case "not":
            if isValid(instance, against: value) { errors.append("\(path): matches a schema it must not match") }
        default: return
        }
    }

    private func isValid(_ instance: JSONValue, against schema: JSONValue) -> Bool {
        var errors: [String] = []
        validate(instance, against: schema, at: "", errors: &errors)
        return errors.isEmpty
    }

    /// Whether `text` contains a match of the ECMA-style `source` (patterns are not anchored in JSON Schema).
    private func matches(_ source: String, _ text: String) -> Bool {
        guard let regex = patterns[source] else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The subschema a local JSON pointer (`#`, `#/$defs/x`) names.
    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var target = root
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key =
                token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                .removingPercentEncoding ?? String(token)
            switch target {
            case .object(let members):
                guard let next = members[key] else { return nil }
                target = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                target = items[index]
            default: return nil
            }
        }
        return target
    }

    static func instance(_ instance: JSONValue, hasType name: String) -> Bool {
        switch (name, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("integer", .int), ("number", .int), ("number", .double):
            true
        case ("integer", .double(let value)): value.isFinite && value == value.rounded()
        default: false
        }
    }

    private func typeName(_ instance: JSONValue) -> String {
        switch instance {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .double(let double): double
        default: nil
        }
    }

    /// JSON equality: numbers compare by value (`1` equals `1.0`), objects ignore key order.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = number(lhs), let right = number(rhs) { return left == right }
        switch (lhs, rhs) {
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count
                && left.allSatisfy { key, value in right[key].map { equal(value, $0) } ?? false }
        default: return lhs == rhs
        }
    }
}
