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

    /// Parses `10%`, `2.5%`, `5MiB`, `100000`.
    package static func parse(_ text: String) -> GrowthLimit? {
        let trimmed = text.trimmingSpaces
        if trimmed.hasSuffix("%") {
            guard let value = Double(trimmed.dropLast().trimmingSpaces), value >= 0 else { return nil }
            return .percent(value)
        }
        return ByteCount.parse(trimmed).map { .bytes($0) }
    }

    /// Whether growing from `baseline` to `current` bytes exceeds the limit.
    package func exceeded(baseline: Int64, current: Int64) -> Bool {
        let growth = current - baseline
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
        case .percent(let value): value == value.rounded() ? "\(Int(value))%" : "\(value)%"
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
