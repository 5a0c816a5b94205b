import UntrustedText

/// Reads bake's JSON form (HCL's JSON syntax) into the same ``BakeBody`` as the native syntax:
/// `{"variable": {"TAG": {"default": "x"}}, "group": {...}, "target": {"name": {...}}}`, other top-level keys being
/// variables. As in HCL's JSON syntax, every string value is a template, so `"${TAG}"` interpolates and `"$${"`
/// escapes.
enum BakeJSONParser {
    /// The block types of a bake file; every other top-level key is a variable.
    static let blockTypes: Set<String> = ["target", "group", "variable", "function"]

    static func parse(_ bytes: [UInt8], file: String) throws(BakeError) -> BakeBody {
        try UTF8Check.validate(bytes, file: file)
        var reader = JSONReader(bytes: bytes, file: file)
        let document = try reader.document()
        guard case .object(let members) = document.node else {
            throw BakeError(.syntax, "a JSON bake file is one object", file: file, line: document.line)
        }
        var body = BakeBody()
        var names: Set<String> = []
        for member in members {
            if blockTypes.contains(member.key) {
                guard case .object(let labelled) = member.value.node else {
                    throw BakeError(
                        .syntax, "\(Excerpt.quote(member.key)) holds an object of names", file: file,
                        line: member.value.line)
                }
                for block in labelled {
                    let bodies: [JSONValue]
                    if case .array(let elements) = block.value.node {
                        bodies = elements
                    } else {
                        bodies = [block.value]
                    }
                    for value in bodies {
                        body.blocks.append(
                            BakeBlock(
                                type: member.key, labels: [block.key], body: try blockBody(value, file: file),
                                line: block.line))
                    }
                }
            } else {
                guard names.insert(member.key).inserted else {
                    throw BakeError(
                        .syntax, "the variable \(Excerpt.quote(member.key)) is set twice", file: file,
                        line: member.line)
                }
                body.attributes.append(
                    BakeAttribute(
                        name: member.key, expression: try expression(member.value, file: file, depth: 1),
                        line: member.line))
            }
        }
        return body
    }

    private static func blockBody(_ value: JSONValue, file: String) throws(BakeError) -> BakeBody {
        guard case .object(let members) = value.node else {
            throw BakeError(.syntax, "a block is a JSON object of attributes", file: file, line: value.line)
        }
        var body = BakeBody()
        var names: Set<String> = []
        for member in members {
            guard names.insert(member.key).inserted else {
                throw BakeError(
                    .syntax, "the attribute \(Excerpt.quote(member.key)) is set twice in one block", file: file,
                    line: member.line)
            }
            body.attributes.append(
                BakeAttribute(
                    name: member.key, expression: try expression(member.value, file: file, depth: 1),
                    line: member.line))
        }
        return body
    }

    private static func expression(_ value: JSONValue, file: String, depth: Int) throws(BakeError) -> BakeExpression {
        switch value.node {
        case .string(let text):
            return try HCLParser.template(
                Array(text.utf8), file: file, line: value.line, depth: depth, countsLines: false)
        case .number(let number):
            return BakeExpression(kind: .literal(.number(number)), line: value.line)
        case .bool(let flag):
            return BakeExpression(kind: .literal(.bool(flag)), line: value.line)
        case .null:
            return BakeExpression(kind: .literal(.null), line: value.line)
        case .array(let elements):
            var list: [BakeExpression] = []
            for element in elements { list.append(try expression(element, file: file, depth: depth + 1)) }
            return BakeExpression(kind: .list(list), line: value.line)
        case .object(let members):
            var items: [(key: BakeExpression, value: BakeExpression)] = []
            for member in members {
                items.append(
                    (
                        BakeExpression(kind: .literal(.string(member.key)), line: member.line),
                        try expression(member.value, file: file, depth: depth + 1)
                    ))
            }
            return BakeExpression(kind: .object(items), line: value.line)
        }
    }
}

/// A JSON value with the line it starts on.
struct JSONValue {
    indirect enum Node {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case array([JSONValue])
        case object([(key: String, line: Int, value: JSONValue)])
    }

    let node: Node
    let line: Int
}

/// RFC 8259 JSON with line numbers and a nesting bound.
struct JSONReader {
    let bytes: [UInt8]
    let file: String
    private var position = 0
    private var line = 1
    private var depth = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    mutating func document() throws(BakeError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw syntax("unexpected text after the JSON value") }
        return value
    }

    private mutating func parseValue() throws(BakeError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= HCLParser.maximumDepth else {
            throw BakeError(
                .tooDeep, "JSON values nest deeper than \(HCLParser.maximumDepth) levels", file: file, line: line)
        }
        skipWhitespace()
        let startLine = line
        guard let byte = peek() else { throw syntax("expected a JSON value at the end of the file") }
        switch byte {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, line: Int, value: JSONValue)] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return JSONValue(node: .object(members), line: startLine)
            }
            while true {
                skipWhitespace()
                let keyLine = line
                guard peek() == UInt8(ascii: "\"") else { throw syntax("expected a quoted key in a JSON object") }
                let key = try parseString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw syntax("expected ':' after a JSON key") }
                position += 1
                members.append((key, keyLine, try parseValue()))
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                } else if peek() == UInt8(ascii: "}") {
                    position += 1
                    return JSONValue(node: .object(members), line: startLine)
                } else {
                    throw syntax("expected ',' or '}' in a JSON object")
                }
            }
        case UInt8(ascii: "["):
            position += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return JSONValue(node: .array(elements), line: startLine)
            }
            while true {
                elements.append(try parseValue())
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    position += 1
                } else if peek() == UInt8(ascii: "]") {
                    position += 1
                    return JSONValue(node: .array(elements), line: startLine)
                } else {
                    throw syntax("expected ',' or ']' in a JSON array")
                }
            }
        case UInt8(ascii: "\""):
            return JSONValue(node: .string(try parseString()), line: startLine)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONValue(node: .bool(true), line: startLine)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONValue(node: .bool(false), line: startLine)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONValue(node: .null, line: startLine)
        default:
            return JSONValue(node: .number(try parseNumber()), line: startLine)
        }
    }

    private mutating func parseString() throws(BakeError) -> String {
        let startLine = line
        position += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw BakeError(.unterminated, "a JSON string is not closed", file: file, line: startLine)
            }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else {
                    throw BakeError(.unterminated, "a JSON string is not closed", file: file, line: startLine)
                }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    var value = try hex4()
                    if (0xD800..<0xDC00).contains(value), starts(with: "\\u") {
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw syntax("a \\u surrogate pair is broken") }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw syntax("a \\u escape names no character") }
                    text += Array(String(Character(scalar)).utf8)
                default:
                    throw syntax("unknown escape in a JSON string")
                }
            case 0x00..<0x20:
                throw syntax("a control character inside a JSON string")
            default:
                text.append(byte)
            }
        }
    }

    private mutating func hex4() throws(BakeError) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw syntax("a \\u escape needs four hexadecimal digits") }
        position += 4
        return value
    }

    private mutating func parseNumber() throws(BakeError) -> Double {
        let start = position
        while let byte = peek(), "+-0123456789.eE".utf8.contains(byte) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !text.isEmpty, let number = Double(text), number.isFinite else {
            throw syntax("expected a JSON value")
        }
        return number
    }

    private mutating func literal(_ word: String) throws(BakeError) {
        guard starts(with: word) else { throw syntax("expected a JSON value") }
        position += word.utf8.count
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { line += 1 }
            position += 1
        }
    }

    private func starts(with text: String) -> Bool {
        var index = position
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private func syntax(_ problem: String) -> BakeError { BakeError(.syntax, problem, file: file, line: line) }
}
