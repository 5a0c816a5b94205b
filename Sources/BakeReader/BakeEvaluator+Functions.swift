import UntrustedText

/// The built-in functions bake files commonly call, with the semantics of buildx's standard library (go-cty's):
/// string operations work on UTF-8 bytes as Go's `strings` package does.
extension BakeEvaluator {
    /// The functions this evaluator knows; ``builtin(_:_:file:line:)`` rejects every other name clearly.
    static let builtinNames: Set<String> = [
        "and", "coalesce", "concat", "contains", "element", "equal", "format", "join", "keys", "length", "lookup",
        "lower", "md5", "merge", "not", "notequal", "or", "replace", "sha256", "split", "substr", "trim", "trimprefix",
        "trimspace", "trimsuffix", "upper", "values",
    ]

    mutating func builtin(_ name: String, _ arguments: [BakeValue], file: String, line: Int) throws(BakeError)
        -> BakeValue
    {
        func count(_ expected: Int) throws(BakeError) {
            guard arguments.count == expected else {
                throw BakeError(
                    .badArgument, "\(name) takes \(expected) arguments, not \(arguments.count)", file: file,
                    line: line)
            }
        }
        func text(_ index: Int) throws(BakeError) -> String {
            try Self.string(arguments[index], "\(name)'s argument \(index + 1)", file: file, line: line)
        }
        func list(_ index: Int) throws(BakeError) -> [BakeValue] {
            guard case .list(let elements) = arguments[index] else {
                throw BakeError(
                    .badArgument, "\(name)'s argument \(index + 1) must be a list, not a \(arguments[index].typeName)",
                    file: file, line: line)
            }
            return elements
        }
        func object(_ index: Int) throws(BakeError) -> [String: BakeValue] {
            guard case .object(let members) = arguments[index] else {
                throw BakeError(
                    .badArgument,
                    "\(name)'s argument \(index + 1) must be an object, not a \(arguments[index].typeName)",
                    file: file, line: line)
            }
            return members
        }
        func produce(_ result: String) throws(BakeError) -> BakeValue {
            try charge(result.utf8.count, file: file, line: line)
            return .string(result)
        }

        switch name {
        case "equal":
            try count(2)
            return .bool(arguments[0] == arguments[1])
        case "notequal":
            try count(2)
            return .bool(arguments[0] != arguments[1])
        case "and", "or":
            guard !arguments.isEmpty else {
                throw BakeError(.badArgument, "\(name) takes at least one argument", file: file, line: line)
            }
            var flags: [Bool] = []
            for argument in arguments { flags.append(try Self.bool(argument, name, file: file, line: line)) }
            return .bool(name == "and" ? flags.allSatisfy { $0 } : flags.contains(true))
        case "not":
            try count(1)
            return .bool(!(try Self.bool(arguments[0], name, file: file, line: line)))
        case "join":
            guard arguments.count >= 2 else {
                throw BakeError(.badArgument, "join takes a separator and lists", file: file, line: line)
            }
            let separator = try text(0)
            var pieces: [String] = []
            for index in 1..<arguments.count {
                for element in try list(index) {
                    pieces.append(try Self.string(element, "join's list element", file: file, line: line))
                }
            }
            return try produce(pieces.joined(separator: separator))
        case "split":
            try count(2)
            let parts = Bytes.split(Array(try text(1).utf8), separator: Array(try text(0).utf8))
            try charge(parts.count, file: file, line: line)
            return .list(parts.map { .string(String(decoding: $0, as: UTF8.self)) })
        case "concat":
            var result: [BakeValue] = []
            for index in arguments.indices { result += try list(index) }
            try charge(result.count, file: file, line: line)
            return .list(result)
        case "lower":
            try count(1)
            return try produce(try text(0).lowercased())
        case "upper":
            try count(1)
            return try produce(try text(0).uppercased())
        case "md5":
            try count(1)
            return try produce(BakeDigest.md5(Array(try text(0).utf8)))
        case "sha256":
            try count(1)
            return try produce(BakeDigest.sha256(Array(try text(0).utf8)))
        case "replace":
            try count(3)
            let search = Array(try text(1).utf8)
            guard !search.isEmpty else { return arguments[0] }
            let replaced = Bytes.split(Array(try text(0).utf8), separator: search)
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: try text(2))
            return try produce(replaced)
        case "trimprefix":
            try count(2)
            let value = Array(try text(0).utf8)
            let prefix = Array(try text(1).utf8)
            return value.starts(with: prefix)
                ? .string(String(decoding: value.dropFirst(prefix.count), as: UTF8.self)) : arguments[0]
        case "trimsuffix":
            try count(2)
            let value = Array(try text(0).utf8)
            let suffix = Array(try text(1).utf8)
            return value.reversed().starts(with: suffix.reversed())
                ? .string(String(decoding: value.dropLast(suffix.count), as: UTF8.self)) : arguments[0]
        case "trimspace":
            try count(1)
            return .string(String(try text(0).unicodeScalars.trimmed { $0.properties.isWhitespace }))
        case "trim":
            try count(2)
            let cutset = Set(try text(1).unicodeScalars)
            return .string(String(try text(0).unicodeScalars.trimmed { cutset.contains($0) }))
        case "substr":
            try count(3)
            let characters = Array(try text(0))
            var offset = Int(try Self.number(arguments[1], "substr's offset", file: file, line: line))
            var length = Int(try Self.number(arguments[2], "substr's length", file: file, line: line))
            if offset < 0 { offset += characters.count }
            guard offset >= 0, offset <= characters.count else {
                throw BakeError(.badArgument, "substr's offset lies outside the string", file: file, line: line)
            }
            if length < 0 || offset + length > characters.count { length = characters.count - offset }
            return .string(String(characters[offset..<offset + length]))
        case "format":
            guard !arguments.isEmpty else {
                throw BakeError(.badArgument, "format takes a format string", file: file, line: line)
            }
            return try produce(try Self.format(try text(0), Array(arguments.dropFirst()), file: file, line: line))
        case "coalesce":
            for argument in arguments {
                if argument == .null || argument == .string("") { continue }
                return argument
            }
            throw BakeError(.badArgument, "coalesce found no argument that is set", file: file, line: line)
        case "length":
            try count(1)
            switch arguments[0] {
            case .string(let value): return .number(Double(value.count))
            case .list(let elements): return .number(Double(elements.count))
            case .object(let members): return .number(Double(members.count))
            default:
                throw BakeError(
                    .badArgument, "length needs a string, list or object, not a \(arguments[0].typeName)", file: file,
                    line: line)
            }
        case "contains":
            try count(2)
            return .bool(try list(0).contains(arguments[1]))
        case "element":
            try count(2)
            let elements = try list(0)
            let index = Int(try Self.number(arguments[1], "element's index", file: file, line: line))
            guard !elements.isEmpty, index >= 0 else {
                throw BakeError(.badArgument, "element needs a non-empty list and an index", file: file, line: line)
            }
            return elements[index % elements.count]
        case "keys":
            try count(1)
            return .list(try object(0).keys.sorted().map { .string($0) })
        case "values":
            try count(1)
            let members = try object(0)
            return .list(members.keys.sorted().map { members[$0] ?? .null })
        case "lookup":
            guard arguments.count == 2 || arguments.count == 3 else {
                throw BakeError(.badArgument, "lookup takes a map, a key and a default", file: file, line: line)
            }
            if let member = try object(0)[try text(1)] { return member }
            guard arguments.count == 3 else {
                throw BakeError(.badArgument, "lookup found no such key and has no default", file: file, line: line)
            }
            return arguments[2]
        case "merge":
            var merged: [String: BakeValue] = [:]
            for index in arguments.indices where arguments[index] != .null {
                merged.merge(try object(index)) { $1 }
            }
            try charge(merged.count, file: file, line: line)
            return .object(merged)
        case "timestamp":
            throw BakeError(
                .unsupported, "timestamp() gives a different value on every run", fix: "set the value directly",
                file: file, line: line)
        default:
            throw BakeError(
                .unknownFunction, "\(Excerpt.quote(name)) is not a function ctxtrim evaluates",
                fix: "use one of: \(Self.builtinNames.sorted().joined(separator: ", "))", file: file, line: line)
        }
    }

    /// Go's `fmt` verbs `%s`, `%d`, `%v` and `%%`, the ones bake files use; any other verb is rejected.
    static func format(_ pattern: String, _ arguments: [BakeValue], file: String, line: Int) throws(BakeError)
        -> String
    {
        var result = ""
        var next = 0
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let verb = characters.next() else {
                throw BakeError(.badArgument, "format's pattern ends with '%'", file: file, line: line)
            }
            if verb == "%" {
                result.append("%")
                continue
            }
            guard next < arguments.count else {
                throw BakeError(.badArgument, "format has more verbs than arguments", file: file, line: line)
            }
            let argument = arguments[next]
            next += 1
            switch verb {
            case "s", "v":
                result += try string(argument, "format's %\(verb)", file: file, line: line)
            case "d":
                let value = try number(argument, "format's %d", file: file, line: line)
                guard value == value.rounded() else {
                    throw BakeError(.badArgument, "format's %d needs a whole number", file: file, line: line)
                }
                result += BakeValue.format(value)
            default:
                throw BakeError(
                    .unsupported, "format's verb %\(Excerpt.bare(String(verb))) is not read (only %s, %d, %v, %%)",
                    file: file, line: line)
            }
        }
        guard next == arguments.count else {
            throw BakeError(.badArgument, "format has more arguments than verbs", file: file, line: line)
        }
        return result
    }
}

/// Byte-level string operations, as Go's `strings` package works.
enum Bytes {
    /// `strings.Split`: an empty separator splits after each UTF-8 sequence.
    static func split(_ value: [UInt8], separator: [UInt8]) -> [ArraySlice<UInt8>] {
        if separator.isEmpty {
            var parts: [ArraySlice<UInt8>] = []
            var start = 0
            while start < value.count {
                var end = start + 1
                while end < value.count, value[end] & 0xC0 == 0x80 { end += 1 }
                parts.append(value[start..<end])
                start = end
            }
            return parts
        }
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + separator.count <= value.count {
            if value[index..<index + separator.count].elementsEqual(separator) {
                parts.append(value[start..<index])
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(value[start...])
        return parts
    }
}

extension String.UnicodeScalarView {
    /// The scalars with those at both ends for which `remove` holds dropped.
    fileprivate func trimmed(_ remove: (Unicode.Scalar) -> Bool) -> String.UnicodeScalarView {
        var view = self[...]
        while let first = view.first, remove(first) { view = view.dropFirst() }
        while let last = view.last, remove(last) { view = view.dropLast() }
        return String.UnicodeScalarView(view)
    }
}
