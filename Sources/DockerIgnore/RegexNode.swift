/// A parsed regular expression, reduced to what matching needs (captures and greediness do not change a yes/no answer).
indirect enum RegexNode: Equatable, Sendable {
    case empty
    case literal(UInt32)
    case runeClass(RuneRanges)
    /// `.` without the `s` flag: any code point but `\n`.
    case anyExceptNewline
    case beginText
    case endText
    case wordBoundary
    case notWordBoundary
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `max == -1` means unbounded. `counted` marks `{n,m}` (the only form Go's nested-size check counts).
    case `repeat`(RegexNode, min: Int, max: Int, counted: Bool)

    /// Go's `repeatIsValid`: nested counted repetitions must not exceed `limit` copies of the innermost expression.
    func repeatIsValid(_ limit: Int) -> Bool {
        var n = limit
        switch self {
        case .repeat(let sub, let min, let max, let counted):
            if counted {
                var m = max
                if m == 0 { return true }
                if m < 0 { m = min }
                if m > n { return false }
                if m > 0 { n /= m }
            }
            return sub.repeatIsValid(n)
        case .concat(let subs), .alternate(let subs):
            return subs.allSatisfy { $0.repeatIsValid(n) }
        default:
            return true
        }
    }

    /// Whether every match must start at the beginning of the text.
    var isAnchoredAtStart: Bool {
        switch self {
        case .beginText: return true
        case .concat(let subs): return subs.first?.isAnchoredAtStart ?? false
        default: return false
        }
    }
}
