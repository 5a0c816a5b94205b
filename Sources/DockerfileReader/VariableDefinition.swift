/// One `NAME` or `NAME=value` of an `ARG` or `ENV` instruction; the value is as written, quotes and `$` unexpanded.
package struct VariableDefinition: Equatable, Sendable {
    package let name: String
    /// Nil for `ARG NAME` without a default.
    package let value: String?
}
