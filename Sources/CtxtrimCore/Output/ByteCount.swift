/// Human-readable sizes in IEC units (KiB, MiB, ...), as the text reports print them.
package enum ByteCount {
    private static let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]

    /// `1536` → `1.5 KiB`; values under 1 KiB are exact (`512 B`); one decimal below 100 units, none above.
    package static func format(_ bytes: Int64) -> String {
        var value = Double(bytes)
        var unit = 0
        while abs(value) >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        let rounded = (value * 10).rounded() / 10
        if rounded >= 100 { return "\(Int(value.rounded())) \(units[unit])" }
        let whole = Int(rounded)
        let tenth = Int(((rounded - Double(whole)) * 10).rounded())
        return "\(whole).\(tenth) \(units[unit])"
    }

    /// Why a number from a user or a file is not a usable size or count.
    package enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not digits with an optional fraction and a known unit.
        case malformed
        /// Starts with a minus sign.
        case negative
        /// More than `Int64.max` bytes (8 EiB), or more than the field allows.
        case tooLarge

        package var description: String {
            switch self {
            case .malformed: "it is not a number"
            case .negative: "it is negative; give 0 or more"
            case .tooLarge: "it is too large"
            }
        }
    }

    /// Parses `500`, `10M`, `1.5GiB`, `200 KB`, `2g` into bytes. Decimal suffixes (kB, MB, GB) are powers of 1000;
    /// IEC suffixes (KiB) and single letters (K, M, G) are powers of 1024. Returns nil for anything else.
    package static func parse(_ text: String) -> Int64? {
        try? read(text)
    }

    /// Parses a size as ``parse(_:)`` does, saying why it cannot: negative, above `Int64.max` bytes, or malformed.
    /// Whole units are multiplied exactly, with overflow checks; only a fraction goes through `Double`.
    package static func read(_ text: String) throws(ParseError) -> Int64 {
        let trimmed = text.filter { $0 != " " && $0 != "_" }
        if trimmed.hasPrefix("-") { throw .negative }
        let number = try Decimal(trimmed)
        let multipliers: [String: Int64] = [
            "": 1, "b": 1,
            "k": 1 << 10, "ki": 1 << 10, "kib": 1 << 10, "kb": 1000,
            "m": 1 << 20, "mi": 1 << 20, "mib": 1 << 20, "mb": 1_000_000,
            "g": 1 << 30, "gi": 1 << 30, "gib": 1 << 30, "gb": 1_000_000_000,
            "t": 1 << 40, "ti": 1 << 40, "tib": 1 << 40, "tb": 1_000_000_000_000,
        ]
        guard let multiplier = multipliers[number.rest.lowercased()] else { throw .malformed }
        let (whole, overflow) = number.whole.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw .tooLarge }
        // The fraction's part is at most `multiplier` (2^40): exact enough in a Double.
        let (bytes, sumOverflow) = whole.addingReportingOverflow(
            Int64((number.fraction * Double(multiplier)).rounded()))
        guard !sumOverflow else { throw .tooLarge }
        return bytes
    }

    /// Parses a whole count such as `20000` or `20_000`: ASCII digits only, from 0 to `Int64.max`.
    package static func count(_ text: String) throws(ParseError) -> Int64 {
        let trimmed = text.filter { $0 != " " && $0 != "_" }
        if trimmed.hasPrefix("-") { throw .negative }
        let number = try Decimal(trimmed)
        guard number.rest.isEmpty, number.fraction == 0, !trimmed.contains(".") else { throw .malformed }
        return number.whole
    }

    /// ASCII digits with an optional `.fraction`, then the rest of the text (the unit).
    struct Decimal {
        var whole: Int64 = 0
        /// In `0...1` (rounding can reach 1).
        var fraction: Double = 0
        var rest: Substring

        init(_ text: String) throws(ParseError) {
            var index = text.startIndex
            var digits = 0
            while index < text.endIndex, let digit = text[index].asciiDigit {
                let (shifted, overflow) = whole.multipliedReportingOverflow(by: 10)
                let (sum, sumOverflow) = shifted.addingReportingOverflow(digit)
                guard !overflow, !sumOverflow else { throw .tooLarge }
                whole = sum
                digits += 1
                index = text.index(after: index)
            }
            if index < text.endIndex, text[index] == "." {
                index = text.index(after: index)
                var scale = 0.1
                while index < text.endIndex, let digit = text[index].asciiDigit {
                    fraction += Double(digit) * scale
                    scale /= 10
                    digits += 1
                    index = text.index(after: index)
                }
            }
            guard digits > 0 else { throw .malformed }
            rest = text[index...]
        }
    }
}

extension Character {
    /// The value of an ASCII digit `0`-`9`; nil for anything else (including other scripts' digits).
    var asciiDigit: Int64? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int64(ascii - 48)
    }
}
