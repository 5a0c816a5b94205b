/// The least severity that makes `ctxtrim check` fail (`--fail-on`).
package enum FailThreshold: String, Sendable, CaseIterable, Equatable {
    case error
    case warning
    case info
    case never

    /// Whether a finding of `severity` fails the check.
    package func fails(_ severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .info: true
        }
    }
}

/// How much the context may grow against a baseline (`--max-growth`): an absolute size or a percentage.
package enum GrowthLimit: Sendable, Equatable, CustomStringConvertible {
    case bytes(Int64)
    case percent(Double)

    /// The largest percentage accepted: growth beyond a thousandfold is no limit worth setting.
    package static let maxPercent = 100_000.0

    /// Parses `10%`, `2.5%`, `5MiB`, `100000`.
    package static func parse(_ text: String) -> GrowthLimit? {
        try? read(text)
    }

    /// Parses as ``parse(_:)`` does, saying why it cannot: negative, too large (above ``maxPercent`` percent or
    /// `Int64.max` bytes) or malformed. Percentages are plain decimals (no `inf`, `nan` or exponents).
    package static func read(_ text: String) throws(ByteCount.ParseError) -> GrowthLimit {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix("%") else { return .bytes(try ByteCount.read(trimmed)) }
        let number = trimmed.dropLast().trimmingSpaces
        if number.hasPrefix("-") { throw .negative }
        let decimal = try ByteCount.Decimal(number)
        guard decimal.rest.isEmpty else { throw .malformed }
        let value = Double(decimal.whole) + decimal.fraction
        guard value <= maxPercent else { throw .tooLarge }
        return .percent(value)
    }

    /// Whether growing from `baseline` to `current` bytes exceeds the limit.
    package func exceeded(baseline: Int64, current: Int64) -> Bool {
        let (growth, overflow) = current.subtractingReportingOverflow(baseline)
        if overflow { return current > baseline }
        guard growth > 0 else { return false }
        switch self {
        case .bytes(let limit): return growth > limit
        case .percent(let limit):
            guard baseline > 0 else { return true }
            return Double(growth) / Double(baseline) * 100 > limit
        }
    }

    package var description: String {
        switch self {
        case .bytes(let bytes): ByteCount.format(bytes)
        case .percent(let value):
            value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))%" : "\(value)%"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
