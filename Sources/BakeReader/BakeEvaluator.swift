import UntrustedText

/// Evaluates bake expressions as buildx's HCL parser does, over the variables and functions of every file read:
/// lazily (a variable is computed when first referenced, once), without the process environment (a variable is its
/// default: a hostile bake file must not be able to print a CI secret into a report), and bounded (evaluation depth,
/// and the text and list elements produced, so `x = "${y}${y}"` chains cannot grow without end).
struct BakeEvaluator {
    /// A `variable` block or a top-level attribute.
    struct Variable {
        let expression: BakeExpression?
        let file: String
        let line: Int
    }

    /// A `function` block.
    struct Function {
        let parameters: [String]
        let variadic: String?
        let result: BakeExpression
        let file: String
        let line: Int
    }

    /// Nested evaluations (variables referring to variables, calls of functions) at most.
    static let maximumDepth = 100
    /// Characters of text and elements of lists produced at most, over a whole definition.
    static let outputBudget = 8 << 20

    var variables: [String: Variable] = [:]
    var functions: [String: Function] = [:]
    private var values: [String: BakeValue] = [:]
    private var inProgress: Set<String> = []
    private var calling: Set<String> = []
    private var depth = 0
    private var produced = 0

    /// The value of `expression`, written in `file`, with `scope` (a function's parameters) before the variables.
    mutating func evaluate(
        _ expression: BakeExpression, file: String, scope: [String: BakeValue] = [:]
    ) throws(BakeError) -> BakeValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw BakeError(
                .tooDeep, "expressions and variables nest deeper than \(Self.maximumDepth) levels", file: file,
                line: expression.line)
        }
        let line = expression.line
        switch expression.kind {
        case .literal(let value):
            return value
        case .template(let parts):
            if parts.count == 1, case .interpolation(let only) = parts[0] {
                return try evaluate(only, file: file, scope: scope)
            }
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal):
                    text += literal
                case .interpolation(let inner):
                    let value = try evaluate(inner, file: file, scope: scope)
                    guard let piece = value.stringConversion else {
                        throw BakeError(
                            .badValue, "a \(value.typeName) cannot be interpolated into a string", file: file,
                            line: inner.line)
                    }
                    try charge(piece.utf8.count, file: file, line: inner.line)
                    text += piece
                }
            }
            return .string(text)
        case .variable(let name):
            if let value = scope[name] { return value }
            return try variable(name, file: file, line: line)
        case .attribute(let base, let name):
            if case .variable("target") = base.kind, scope["target"] == nil, variables["target"] == nil {
                throw BakeError(
                    .unsupported, "references to another target's attributes (target.NAME.ATTR) are not read",
                    fix: "use a variable both targets read", file: file, line: line)
            }
            let value = try evaluate(base, file: file, scope: scope)
            guard case .object(let members) = value, let member = members[name] else {
                throw BakeError(
                    .badValue, "a \(value.typeName) has no attribute \(Excerpt.quote(name))", file: file, line: line)
            }
            return member
        case .index(let base, let key):
            let value = try evaluate(base, file: file, scope: scope)
            let index = try evaluate(key, file: file, scope: scope)
            switch value {
            case .list(let elements):
                guard case .number(let number) = index, number == number.rounded(), number >= 0,
                    number < Double(elements.count)
                else {
                    throw BakeError(.badValue, "the index is not one of the list's", file: file, line: line)
                }
                return elements[Int(number)]
            case .object(let members):
                guard let name = index.stringConversion, let member = members[name] else {
                    throw BakeError(.badValue, "the object has no such key", file: file, line: line)
                }
                return member
            default:
                throw BakeError(.badValue, "a \(value.typeName) cannot be indexed", file: file, line: line)
            }
        case .list(let elements):
            var list: [BakeValue] = []
            for element in elements { list.append(try evaluate(element, file: file, scope: scope)) }
            try charge(list.count, file: file, line: line)
            return .list(list)
        case .object(let items):
            var members: [String: BakeValue] = [:]
            for item in items {
                let key = try evaluate(item.key, file: file, scope: scope)
                guard let name = key.stringConversion else {
                    throw BakeError(
                        .badValue, "an object key must be a string, not a \(key.typeName)", file: file,
                        line: item.key.line)
                }
                members[name] = try evaluate(item.value, file: file, scope: scope)
            }
            try charge(members.count, file: file, line: line)
            return .object(members)
        case .call(let name, let arguments, let expandsLast):
            var values: [BakeValue] = []
            for argument in arguments { values.append(try evaluate(argument, file: file, scope: scope)) }
            if expandsLast {
                guard case .list(let rest) = values.popLast() else {
                    throw BakeError(.badArgument, "only a list can be expanded with '...'", file: file, line: line)
                }
                values += rest
            }
            return try call(name, values, file: file, line: line)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let test = try evaluate(condition, file: file, scope: scope)
            return try evaluate(
                try Self.bool(test, "the condition", file: file, line: line) ? whenTrue : whenFalse, file: file,
                scope: scope)
        case .not(let operand):
            return .bool(
                !(try Self.bool(try evaluate(operand, file: file, scope: scope), "'!'", file: file, line: line)))
        case .negate(let operand):
            return .number(
                -(try Self.number(try evaluate(operand, file: file, scope: scope), "'-'", file: file, line: line)))
        case .binary(let operation, let left, let right):
            let lhs = try evaluate(left, file: file, scope: scope)
            let rhs = try evaluate(right, file: file, scope: scope)
            return try Self.apply(operation, lhs, rhs, file: file, line: line)
        }
    }

    /// A variable's value, computed once; a variable without a default is the empty string, as buildx has it when
    /// the environment does not set it.
    private mutating func variable(_ name: String, file: String, line: Int) throws(BakeError) -> BakeValue {
        if let value = values[name] { return value }
        guard let declaration = variables[name] else {
            switch name {
            case "BAKE_CMD_CONTEXT":
                return .string("cwd://")
            case "BAKE_LOCAL_PLATFORM":
                throw BakeError(
                    .unsupported, "BAKE_LOCAL_PLATFORM depends on the machine bake runs on", file: file, line: line)
            case "target", "group":
                throw BakeError(
                    .unsupported, "references to \(name) blocks are not read", file: file, line: line)
            default:
                throw BakeError(
                    .unknownVariable, "the variable \(Excerpt.quote(name)) is not declared", fix: "declare it",
                    file: file, line: line)
            }
        }
        guard inProgress.insert(name).inserted else {
            throw BakeError(
                .cycle, "the variable \(Excerpt.quote(name)) refers to itself", file: declaration.file,
                line: declaration.line)
        }
        defer { inProgress.remove(name) }
        let value =
            try declaration.expression.map { expression throws(BakeError) in
                try evaluate(expression, file: declaration.file)
            } ?? .string("")
        values[name] = value
        return value
    }

    /// A `function` block's result with its parameters bound, else a built-in function.
    private mutating func call(_ name: String, _ arguments: [BakeValue], file: String, line: Int) throws(BakeError)
        -> BakeValue
    {
        guard let function = functions[name] else {
            return try builtin(name, arguments, file: file, line: line)
        }
        let fixed = function.parameters.count
        guard arguments.count == fixed || (function.variadic != nil && arguments.count > fixed) else {
            throw BakeError(
                .badArgument, "\(Excerpt.quote(name)) takes \(fixed) arguments, not \(arguments.count)", file: file,
                line: line)
        }
        guard calling.insert(name).inserted else {
            throw BakeError(
                .cycle, "the function \(Excerpt.quote(name)) calls itself", file: function.file, line: function.line)
        }
        defer { calling.remove(name) }
        var scope: [String: BakeValue] = [:]
        for (parameter, argument) in zip(function.parameters, arguments) { scope[parameter] = argument }
        if let variadic = function.variadic { scope[variadic] = .list(Array(arguments.dropFirst(fixed))) }
        return try evaluate(function.result, file: function.file, scope: scope)
    }

    /// Counts text characters or list elements produced against ``outputBudget``.
    mutating func charge(_ units: Int, file: String, line: Int) throws(BakeError) {
        produced += units
        guard produced <= Self.outputBudget else {
            throw BakeError(
                .tooLarge, "the expressions produce more than \(Self.outputBudget >> 20) MiB of values", file: file,
                line: line)
        }
    }

    // MARK: Operators and conversions

    static func apply(
        _ operation: BakeExpression.BinaryOperator, _ lhs: BakeValue, _ rhs: BakeValue, file: String, line: Int
    ) throws(BakeError) -> BakeValue {
        let what = "'\(operation.rawValue)'"
        switch operation {
        case .equal: return .bool(lhs == rhs)
        case .notEqual: return .bool(lhs != rhs)
        case .and, .or:
            let a = try bool(lhs, what, file: file, line: line)
            let b = try bool(rhs, what, file: file, line: line)
            return .bool(operation == .and ? a && b : a || b)
        default: break
        }
        let a = try number(lhs, what, file: file, line: line)
        let b = try number(rhs, what, file: file, line: line)
        switch operation {
        case .less: return .bool(a < b)
        case .lessOrEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterOrEqual: return .bool(a >= b)
        case .add: return .number(a + b)
        case .subtract: return .number(a - b)
        case .multiply: return .number(a * b)
        case .divide, .modulo:
            guard b != 0 else { throw BakeError(.badValue, "division by zero", file: file, line: line) }
            return .number(operation == .divide ? a / b : a.truncatingRemainder(dividingBy: b))
        case .equal, .notEqual, .and, .or: return .null
        }
    }

    /// A bool, or the strings `true` and `false`, as cty converts them.
    static func bool(_ value: BakeValue, _ what: String, file: String, line: Int) throws(BakeError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default:
            throw BakeError(.badValue, "\(what) needs a bool, not a \(value.typeName)", file: file, line: line)
        }
    }

    /// A number, or a string holding one, as cty converts them.
    static func number(_ value: BakeValue, _ what: String, file: String, line: Int) throws(BakeError) -> Double {
        switch value {
        case .number(let number): return number
        case .string(let text):
            if let number = Double(text), number.isFinite { return number }
        default: break
        }
        throw BakeError(.badValue, "\(what) needs a number, not a \(value.typeName)", file: file, line: line)
    }

    /// A string, or a number or bool converted to one.
    static func string(_ value: BakeValue, _ what: String, file: String, line: Int) throws(BakeError) -> String {
        guard let text = value.stringConversion else {
            throw BakeError(.badValue, "\(what) needs a string, not a \(value.typeName)", file: file, line: line)
        }
        return text
    }
}
