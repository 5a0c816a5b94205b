/// One budget of `ctxtrim check` against what was measured.
package struct BudgetResult: Sendable, Equatable {
    /// Which context the budget applies to.
    package enum Scope: String, Sendable {
        /// What the ignore file lets through (`sent`).
        case eligible
        /// What BuildKit actually transfers for this Dockerfile.
        case transferred
    }

    /// What is counted.
    package enum Unit: String, Sendable {
        case bytes
        case files
    }

    /// The setting's name, such as `max-size` or `max-transferred-files`.
    package var name: String
    package var scope: Scope
    package var unit: Unit
    package var limit: Int64
    package var actual: Int64

    package var exceeded: Bool { actual > limit }

    package init(name: String, scope: Scope, unit: Unit, limit: Int64, actual: Int64) {
        self.name = name
        self.scope = scope
        self.unit = unit
        self.limit = limit
        self.actual = actual
    }

    /// `2.1 GiB over the 1.0 GiB budget (max-size)`.
    package var summary: String {
        let value = unit == .bytes ? ByteCount.format(actual) : TextLayout.grouped(Int(actual)) + " files"
        let bound = unit == .bytes ? ByteCount.format(limit) : TextLayout.grouped(Int(limit)) + " files"
        return exceeded
            ? "\(scope.rawValue) context is \(value), over the \(bound) budget (\(name))"
            : "\(scope.rawValue) context is \(value), within the \(bound) budget (\(name))"
    }
}
