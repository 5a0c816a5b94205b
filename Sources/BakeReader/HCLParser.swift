import UntrustedText

/// Reads the native HCL syntax of bake files into a ``BakeBody``: blocks, attributes, string templates with `${...}`,
/// heredocs, numbers, bools, null, lists, objects, function calls, the conditional and the operators.
///
/// What HCL has beyond that (`for` expressions, splats, template directives `%{...}`, strip markers `~`) is a
/// ``BakeError`` naming the line, never a guess. Nesting is bounded by ``maximumDepth``.
struct HCLParser {
    /// Deepest nesting of blocks and expressions read; bake files written by people stay far below it.
    static let maximumDepth = 40

    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line: Int
    private var depth: Int
    /// 1, or 0 for a JSON string's template, whose new lines are escapes on the string's own line.
    private let lineStep: Int

    private init(bytes: [UInt8], file: String, line: Int, depth: Int, countsLines: Bool = true) {
        self.bytes = bytes
        self.file = file
        self.line = line
        self.depth = depth
        self.lineStep = countsLines ? 1 : 0
    }

    /// The body of a whole file.
    static func parse(_ bytes: [UInt8], file: String) throws(BakeError) -> BakeBody {
        try UTF8Check.validate(bytes, file: file)
        var parser = HCLParser(bytes: bytes, file: file, line: 1, depth: 0)
        return try parser.parseBody(closing: false)
    }

    /// A template that runs to the end of `bytes` (a heredoc's text, a JSON string): `${...}` interpolates, backslashes
    /// are literal.
    static func template(
        _ bytes: [UInt8], file: String, line: Int, depth: Int, countsLines: Bool = true
    ) throws(BakeError) -> BakeExpression {
        var parser = HCLParser(bytes: bytes, file: file, line: line, depth: depth, countsLines: countsLines)
        return try parser.parseTemplate(quoted: false)
    }

    // MARK: Bodies

    private mutating func parseBody(closing: Bool) throws(BakeError) -> BakeBody {
        try enter()
        defer { depth -= 1 }
        let openedOn = line
        var body = BakeBody()
        var names: Set<String> = []
        while true {
            try skipTrivia(newlines: true)
            guard let byte = peek() else {
                if closing { throw BakeError(.unterminated, "a block is not closed", file: file, line: openedOn) }
                return body
            }
            if byte == UInt8(ascii: "}") {
                guard closing else { throw syntax("'}' closes no block") }
                position += 1
                return body
            }
            let itemLine = line
            guard let name = readIdentifier() else {
                throw syntax("expected an attribute or a block, found \(found())")
            }
            try skipTrivia(newlines: false)
            if peek() == UInt8(ascii: "="), peek(1) != UInt8(ascii: "=") {
                position += 1
                let expression = try parseExpression(newlines: false)
                guard names.insert(name).inserted else {
                    throw BakeError(
                        .syntax, "the attribute \(Excerpt.quote(name)) is set twice in one block", file: file,
                        line: itemLine)
                }
                body.attributes.append(BakeAttribute(name: name, expression: expression, line: itemLine))
            } else {
                var labels: [String] = []
                while true {
                    try skipTrivia(newlines: false)
                    if peek() == UInt8(ascii: "\"") {
                        labels.append(try parseLabel())
                    } else if let label = readIdentifier() {
                        labels.append(label)
                    } else {
                        break
                    }
                }
                guard peek() == UInt8(ascii: "{") else {
                    throw syntax("expected '=' or a block after \(Excerpt.quote(name)), found \(found())")
                }
                position += 1
                let inner = try parseBody(closing: true)
                body.blocks.append(BakeBlock(type: name, labels: labels, body: inner, line: itemLine))
            }
            try skipTrivia(newlines: false)
            if let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: "}") {
                throw syntax("expected a new line after an attribute or a block, found \(found())")
            }
        }
    }

    private mutating func parseLabel() throws(BakeError) -> String {
        let expression = try parseQuoted()
        guard case .literal(.string(let label)) = expression.kind else {
            throw syntax("a block label is a plain string, without interpolation")
        }
        return label
    }

    // MARK: Expressions

    private mutating func parseExpression(newlines: Bool) throws(BakeError) -> BakeExpression {
        try enter()
        defer { depth -= 1 }
        let condition = try parseBinary(minimum: 1, newlines: newlines)
        try skipTrivia(newlines: newlines)
        guard peek() == UInt8(ascii: "?") else { return condition }
        position += 1
        let whenTrue = try parseExpression(newlines: newlines)
        try skipTrivia(newlines: newlines)
        try expect(":", "a conditional's ':'")
        let whenFalse = try parseExpression(newlines: newlines)
        return BakeExpression(kind: .conditional(condition, whenTrue, whenFalse), line: condition.line)
    }

    private mutating func parseBinary(minimum: Int, newlines: Bool) throws(BakeError) -> BakeExpression {
        try enter()
        defer { depth -= 1 }
        var left = try parseUnary(newlines: newlines)
        while true {
            try skipTrivia(newlines: newlines)
            guard let operation = peekOperator(), operation.precedence >= minimum else { return left }
            position += operation.rawValue.utf8.count
            let right = try parseBinary(minimum: operation.precedence + 1, newlines: newlines)
            left = BakeExpression(kind: .binary(operation, left, right), line: left.line)
        }
    }

    private func peekOperator() -> BakeExpression.BinaryOperator? {
        guard let first = peek() else { return nil }
        let second = peek(1)
        switch first {
        case UInt8(ascii: "|") where second == UInt8(ascii: "|"): return .or
        case UInt8(ascii: "&") where second == UInt8(ascii: "&"): return .and
        case UInt8(ascii: "=") where second == UInt8(ascii: "="): return .equal
        case UInt8(ascii: "!") where second == UInt8(ascii: "="): return .notEqual
        case UInt8(ascii: "<") where second == UInt8(ascii: "="): return .lessOrEqual
        case UInt8(ascii: ">") where second == UInt8(ascii: "="): return .greaterOrEqual
        case UInt8(ascii: "<") where second != UInt8(ascii: "<"): return .less
        case UInt8(ascii: ">"): return .greater
        case UInt8(ascii: "+"): return .add
        case UInt8(ascii: "-"): return .subtract
        case UInt8(ascii: "*"): return .multiply
        case UInt8(ascii: "/"): return .divide
        case UInt8(ascii: "%"): return .modulo
        default: return nil
        }
    }

    private mutating func parseUnary(newlines: Bool) throws(BakeError) -> BakeExpression {
        try enter()
        defer { depth -= 1 }
        try skipTrivia(newlines: newlines)
        let startLine = line
        if peek() == UInt8(ascii: "!") {
            position += 1
            return BakeExpression(kind: .not(try parseUnary(newlines: newlines)), line: startLine)
        }
        if peek() == UInt8(ascii: "-") {
            position += 1
            return BakeExpression(kind: .negate(try parseUnary(newlines: newlines)), line: startLine)
        }
        return try parsePostfix(newlines: newlines)
    }

    private mutating func parsePostfix(newlines: Bool) throws(BakeError) -> BakeExpression {
        var expression = try parsePrimary(newlines: newlines)
        while true {
            let saved = (position, line)
            try skipTrivia(newlines: newlines)
            if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: "."), let next = peek(1) {
                position += 1
                if next == UInt8(ascii: "*") { throw unsupported("splat expressions (`.*`)") }
                if isDigit(next) {
                    let index = try parseNumber()
                    expression = BakeExpression(kind: .index(expression, index), line: expression.line)
                    continue
                }
                guard let name = readIdentifier() else { throw syntax("expected an attribute name after '.'") }
                expression = BakeExpression(kind: .attribute(expression, name), line: expression.line)
            } else if peek() == UInt8(ascii: "[") {
                position += 1
                try skipTrivia(newlines: true)
                if peek() == UInt8(ascii: "*") { throw unsupported("splat expressions (`[*]`)") }
                let index = try parseExpression(newlines: true)
                try skipTrivia(newlines: true)
                try expect("]", "']' closing an index")
                expression = BakeExpression(kind: .index(expression, index), line: expression.line)
            } else {
                (position, line) = saved
                return expression
            }
        }
    }

    private mutating func parsePrimary(newlines: Bool) throws(BakeError) -> BakeExpression {
        try skipTrivia(newlines: newlines)
        let startLine = line
        guard let byte = peek() else { throw syntax("expected an expression at the end of the file") }
        switch byte {
        case UInt8(ascii: "("):
            position += 1
            let inner = try parseExpression(newlines: true)
            try skipTrivia(newlines: true)
            try expect(")", "')'")
            return inner
        case UInt8(ascii: "\""):
            return try parseQuoted()
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
            return try parseHeredoc()
        case UInt8(ascii: "["):
            position += 1
            return BakeExpression(kind: .list(try parseList()), line: startLine)
        case UInt8(ascii: "{"):
            position += 1
            return BakeExpression(kind: .object(try parseObject()), line: startLine)
        case _ where isDigit(byte):
            return try parseNumber()
        default:
            guard let name = readIdentifier() else { throw syntax("expected an expression, found \(found())") }
            switch name {
            case "true": return BakeExpression(kind: .literal(.bool(true)), line: startLine)
            case "false": return BakeExpression(kind: .literal(.bool(false)), line: startLine)
            case "null": return BakeExpression(kind: .literal(.null), line: startLine)
            default: break
            }
            let saved = (position, line)
            try skipTrivia(newlines: false)
            if peek() == UInt8(ascii: "(") {
                position += 1
                let (arguments, expands) = try parseArguments()
                return BakeExpression(kind: .call(name, arguments, expandsLast: expands), line: startLine)
            }
            (position, line) = saved
            return BakeExpression(kind: .variable(name), line: startLine)
        }
    }

    private mutating func parseArguments() throws(BakeError) -> ([BakeExpression], Bool) {
        var arguments: [BakeExpression] = []
        while true {
            try skipTrivia(newlines: true)
            if peek() == UInt8(ascii: ")") {
                position += 1
                return (arguments, false)
            }
            arguments.append(try parseExpression(newlines: true))
            try skipTrivia(newlines: true)
            if starts(with: "...") {
                position += 3
                try skipTrivia(newlines: true)
                try expect(")", "')' after '...'")
                return (arguments, true)
            }
            if peek() == UInt8(ascii: ",") {
                position += 1
            } else if peek() != UInt8(ascii: ")") {
                throw syntax("expected ',' or ')' in a function call, found \(found())")
            }
        }
    }

    private mutating func parseList() throws(BakeError) -> [BakeExpression] {
        try enter()
        defer { depth -= 1 }
        var elements: [BakeExpression] = []
        try skipTrivia(newlines: true)
        if isKeyword("for") { throw unsupported("`for` expressions") }
        while true {
            try skipTrivia(newlines: true)
            if peek() == UInt8(ascii: "]") {
                position += 1
                return elements
            }
            elements.append(try parseExpression(newlines: true))
            try skipTrivia(newlines: true)
            if peek() == UInt8(ascii: ",") {
                position += 1
            } else if peek() != UInt8(ascii: "]") {
                throw syntax("expected ',' or ']' in a list, found \(found())")
            }
        }
    }

    private mutating func parseObject() throws(BakeError) -> [(key: BakeExpression, value: BakeExpression)] {
        try enter()
        defer { depth -= 1 }
        var items: [(key: BakeExpression, value: BakeExpression)] = []
        try skipTrivia(newlines: true)
        if isKeyword("for") { throw unsupported("`for` expressions") }
        while true {
            try skipTrivia(newlines: true)
            if peek() == UInt8(ascii: "}") {
                position += 1
                return items
            }
            let keyLine = line
            let saved = (position, line)
            var key: BakeExpression
            if let name = readIdentifier() {
                try skipTrivia(newlines: false)
                if peek() == UInt8(ascii: "=") || peek() == UInt8(ascii: ":") {
                    key = BakeExpression(kind: .literal(.string(name)), line: keyLine)
                } else {
                    (position, line) = saved
                    key = try parseExpression(newlines: false)
                }
            } else {
                key = try parseExpression(newlines: false)
            }
            try skipTrivia(newlines: false)
            guard peek() == UInt8(ascii: "=") || peek() == UInt8(ascii: ":") else {
                throw syntax("expected '=' or ':' after an object key, found \(found())")
            }
            position += 1
            let value = try parseExpression(newlines: false)
            items.append((key, value))
            try skipTrivia(newlines: false)
            if peek() == UInt8(ascii: ",") {
                position += 1
            } else if let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: "}") {
                throw syntax("expected ',', a new line or '}' in an object, found \(found())")
            }
        }
    }

    private mutating func parseNumber() throws(BakeError) -> BakeExpression {
        let start = position
        let startLine = line
        while let byte = peek(), isDigit(byte) { position += 1 }
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            position += 1
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            var ahead = 1
            if peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") { ahead = 2 }
            if let digit = peek(ahead), isDigit(digit) {
                position += ahead
                while let byte = peek(), isDigit(byte) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw BakeError(.syntax, "the number \(Excerpt.quote(text)) is out of range", file: file, line: startLine)
        }
        return BakeExpression(kind: .literal(.number(number)), line: startLine)
    }

    // MARK: Templates

    private mutating func parseQuoted() throws(BakeError) -> BakeExpression {
        position += 1
        return try parseTemplate(quoted: true)
    }

    /// Text up to the closing quote (`quoted`) or the end of the input; `$${` and `%%{` are the escapes of
    /// `${` and `%{`, and backslash escapes apply only in quoted strings.
    private mutating func parseTemplate(quoted: Bool) throws(BakeError) -> BakeExpression {
        let startLine = line
        var parts: [BakeExpression.TemplatePart] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll()
        }
        loop: while true {
            guard let byte = peek() else {
                if quoted { throw BakeError(.unterminated, "a string is not closed", file: file, line: startLine) }
                break loop
            }
            switch byte {
            case UInt8(ascii: "\"") where quoted:
                position += 1
                break loop
            case UInt8(ascii: "\n"):
                if quoted {
                    throw BakeError(
                        .unterminated, "a quoted string does not close on its line", fix: "use a heredoc (<<EOT)",
                        file: file, line: startLine)
                }
                text.append(byte)
                position += 1
                line += lineStep
            case UInt8(ascii: "\\") where quoted:
                text += try parseEscape()
            case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "$") && peek(2) == UInt8(ascii: "{"):
                text += Array("${".utf8)
                position += 3
            case UInt8(ascii: "%") where peek(1) == UInt8(ascii: "%") && peek(2) == UInt8(ascii: "{"):
                text += Array("%{".utf8)
                position += 3
            case UInt8(ascii: "%") where peek(1) == UInt8(ascii: "{"):
                throw unsupported("template directives (`%{ if }`, `%{ for }`)")
            case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "{"):
                flush()
                position += 2
                if peek() == UInt8(ascii: "~") { throw unsupported("strip markers (`${~`)") }
                let inner = try parseExpression(newlines: true)
                try skipTrivia(newlines: true)
                if peek() == UInt8(ascii: "~") { throw unsupported("strip markers (`~}`)") }
                try expect("}", "'}' closing an interpolation")
                parts.append(.interpolation(inner))
            default:
                text.append(byte)
                position += 1
            }
        }
        flush()
        switch parts.count {
        case 0: return BakeExpression(kind: .literal(.string("")), line: startLine)
        case 1:
            if case .text(let only) = parts[0] { return BakeExpression(kind: .literal(.string(only)), line: startLine) }
            return BakeExpression(kind: .template(parts), line: startLine)
        default: return BakeExpression(kind: .template(parts), line: startLine)
        }
    }

    private mutating func parseEscape() throws(BakeError) -> [UInt8] {
        guard let escaped = peek(1) else {
            throw BakeError(.unterminated, "a string is not closed", file: file, line: line)
        }
        position += 2
        switch escaped {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "\""): return [0x22]
        case UInt8(ascii: "\\"): return [0x5C]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escaped == UInt8(ascii: "u") ? 4 : 8
            guard position + count <= bytes.count,
                let value = UInt32(String(decoding: bytes[position..<position + count], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(value)
            else { throw syntax("a \\u escape needs \(count) hexadecimal digits naming a character") }
            position += count
            return Array(String(Character(scalar)).utf8)
        default:
            throw syntax("unknown escape \(Excerpt.quote("\\" + String(decoding: [escaped], as: UTF8.self)))")
        }
    }

    /// `<<EOT` or `<<-EOT` (common leading whitespace removed), then lines up to one holding only the marker.
    private mutating func parseHeredoc() throws(BakeError) -> BakeExpression {
        let startLine = line
        position += 2
        let indented = peek() == UInt8(ascii: "-")
        if indented { position += 1 }
        guard let marker = readIdentifier() else { throw syntax("expected a heredoc marker after '<<'") }
        while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") || peek() == UInt8(ascii: "\r") {
            position += 1
        }
        guard peek() == UInt8(ascii: "\n") else { throw syntax("a heredoc marker must end its line") }
        position += 1
        line += lineStep
        let contentLine = line
        var lines: [ArraySlice<UInt8>] = []
        while true {
            guard position < bytes.count else {
                throw BakeError(
                    .unterminated, "the heredoc \(Excerpt.quote(marker)) is not closed", file: file, line: startLine)
            }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            let content = bytes[start..<position]
            let trimmed = content.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if String(decoding: trimmed.reversed().drop { $0 == UInt8(ascii: "\r") }.reversed(), as: UTF8.self)
                == marker
            {
                break
            }
            lines.append(content)
            if position < bytes.count {
                position += 1
                line += lineStep
            }
        }
        if indented {
            let blank = { (line: ArraySlice<UInt8>) in
                line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            }
            let indent =
                lines.filter { !blank($0) }.map {
                    $0.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
                }
                .min() ?? 0
            lines = lines.map { $0.dropFirst(Swift.min(indent, $0.prefix { $0 == 0x20 || $0 == 0x09 }.count)) }
        }
        var text: [UInt8] = []
        for content in lines {
            text += content
            text.append(UInt8(ascii: "\n"))
        }
        return try Self.template(text, file: file, line: contentLine, depth: depth)
    }

    // MARK: Lexing

    private mutating func skipTrivia(newlines: Bool) throws(BakeError) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                guard newlines else { return }
                position += 1
                line += lineStep
            case UInt8(ascii: "#"):
                skipToEndOfLine()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipToEndOfLine()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let startLine = line
                position += 2
                while !starts(with: "*/") {
                    guard let inner = peek() else {
                        throw BakeError(.unterminated, "a /* comment is not closed", file: file, line: startLine)
                    }
                    if inner == UInt8(ascii: "\n") { line += lineStep }
                    position += 1
                }
                position += 2
            default:
                return
            }
        }
    }

    private mutating func skipToEndOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { position += 1 }
    }

    /// `[A-Za-z_][A-Za-z0-9_-]*`, consumed; nil (nothing consumed) when none starts here.
    private mutating func readIdentifier() -> String? {
        guard let first = peek(), isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        let start = position
        while let byte = peek(),
            isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func isKeyword(_ word: String) -> Bool {
        guard starts(with: word) else { return false }
        let after = peek(word.utf8.count)
        return after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") || after == UInt8(ascii: "\n")
    }

    private mutating func expect(_ text: String, _ what: String) throws(BakeError) {
        guard starts(with: text) else { throw syntax("expected \(what), found \(found())") }
        position += text.utf8.count
    }

    private func starts(with text: String) -> Bool {
        var index = position
        for byte in text.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// The character at the current position, quoted for a message, or "the end of the file".
    private func found() -> String {
        guard position < bytes.count else { return "the end of the file" }
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[position..<end], as: UTF8.self)
        return character == "\n" ? "a new line" : Excerpt.quote(character)
    }

    private mutating func enter() throws(BakeError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw BakeError(
                .tooDeep, "blocks and expressions nest deeper than \(Self.maximumDepth) levels", file: file, line: line)
        }
    }

    private func syntax(_ problem: String) -> BakeError { BakeError(.syntax, problem, file: file, line: line) }

    private func unsupported(_ construct: String) -> BakeError {
        BakeError(
            .unsupported, "\(construct) are beyond the HCL subset ctxtrim reads", fix: "write the value out",
            file: file, line: line)
    }
}

/// Finds the line of the first byte that is not UTF-8.
enum UTF8Check {
    static func validate(_ bytes: [UInt8], file: String) throws(BakeError) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .emptyInput:
                return
            case .error:
                throw BakeError(.invalidUTF8, "the file is not UTF-8", fix: "save it as UTF-8", file: file, line: line)
            }
        }
    }
}
