/// The parsed form of a bake file, HCL or JSON: a body of attributes and blocks whose expressions are evaluated
/// later, only where a build needs them.
package struct BakeBody: Sendable {
    package var attributes: [BakeAttribute] = []
    package var blocks: [BakeBlock] = []
}

/// `name = expression`.
package struct BakeAttribute: Sendable {
    package let name: String
    package let expression: BakeExpression
    package let line: Int
}

/// `type "label" { body }`.
package struct BakeBlock: Sendable {
    package let type: String
    package let labels: [String]
    package let body: BakeBody
    package let line: Int
}

/// An expression with the line it starts on.
package struct BakeExpression: Sendable {
    package indirect enum Kind: Sendable {
        case literal(BakeValue)
        /// A string template: literal text and `${...}` interpolations, concatenated.
        case template([TemplatePart])
        case variable(String)
        case attribute(BakeExpression, String)
        case index(BakeExpression, BakeExpression)
        case list([BakeExpression])
        case object([(key: BakeExpression, value: BakeExpression)])
        /// `name(arguments)`; `expandsLast` for `f(a, list...)`.
        case call(String, [BakeExpression], expandsLast: Bool)
        case conditional(BakeExpression, BakeExpression, BakeExpression)
        case not(BakeExpression)
        case negate(BakeExpression)
        case binary(BinaryOperator, BakeExpression, BakeExpression)
    }

    package enum TemplatePart: Sendable {
        case text(String)
        case interpolation(BakeExpression)
    }

    package enum BinaryOperator: String, Sendable {
        case or = "||", and = "&&", equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">"
        case greaterOrEqual = ">=", add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"

        /// Binding strength, as HCL's: `||` weakest, then `&&`, equality, comparison, `+ -`, `* / %`.
        var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .equal, .notEqual: 3
            case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
            case .add, .subtract: 5
            case .multiply, .divide, .modulo: 6
            }
        }
    }

    package let kind: Kind
    package let line: Int
}
