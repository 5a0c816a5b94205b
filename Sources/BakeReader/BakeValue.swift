/// A value of a bake expression, as cty has them in buildx: the subset bake files compute with.
package enum BakeValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case list([BakeValue])
    case object([String: BakeValue])

    /// What a message calls the value's type.
    var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .null: "null"
        case .list: "list"
        case .object: "object"
        }
    }

    /// The value as a string, converted as cty converts a primitive (`1`, `1.5`, `true`); nil for null, lists and
    /// objects.
    var stringConversion: String? {
        switch self {
        case .string(let text): text
        case .number(let number): Self.format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .list, .object: nil
        }
    }

    /// A number written as cty writes it: whole numbers without a fraction.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
