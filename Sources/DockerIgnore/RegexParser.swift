/// Parses the regular expressions `patternmatcher` builds, accepting and rejecting exactly what Go's
/// `regexp/syntax.Parse` does with the `Perl` flags (`ClassNL | OneLine | PerlX | UnicodeGroups`).
///
/// The error itself carries no detail: `patternmatcher` reports every regexp failure as `syntax error in pattern`.
struct RegexParser {
    struct SyntaxError: Error {}

    private struct Frame {
        var alternatives: [RegexNode] = []
        var items: [RegexNode] = []
    }

    private let t: [UInt32]
    private var i = 0
    private var frames: [Frame] = [Frame()]

    private init(_ source: [UInt32]) { t = source }

    /// Parses `source` (Unicode scalars) into a tree, or throws when Go's regexp would reject it.
    static func parse(_ source: [UInt32]) throws(SyntaxError) -> RegexNode {
        var parser = RegexParser(source)
        return try parser.run()
    }

    private mutating func push(_ node: RegexNode) { frames[frames.count - 1].items.append(node) }

    private mutating func run() throws(SyntaxError) -> RegexNode {
        var lastWasRepeat = false
        while i < t.count {
            var isRepeat = false
            let c = t[i]
            switch c {
            case 0x28:  // (
                frames.append(Frame())
                i += 1
            case 0x7C:  // |
                let frame = frames[frames.count - 1]
                frames[frames.count - 1].alternatives.append(Self.concat(frame.items))
                frames[frames.count - 1].items = []
                i += 1
            case 0x29:  // )
                guard frames.count > 1 else { throw SyntaxError() }
                let frame = frames.removeLast()
                push(Self.close(frame))
                i += 1
            case 0x5E: push(.beginText); i += 1
            case 0x24: push(.endText); i += 1
            case 0x2E: push(.anyExceptNewline); i += 1
            case 0x5B: try parseClass()
            case 0x2A, 0x2B, 0x3F:
                i += 1
                let (lo, hi) = c == 0x2A ? (0, -1) : c == 0x2B ? (1, -1) : (0, 1)
                try applyRepeat(min: lo, max: hi, counted: false, lastWasRepeat: lastWasRepeat)
                isRepeat = true
            case 0x7B:  // {
                guard let (lo, hi, after) = parseRepeatBounds(from: i) else {
                    push(.literal(c))
                    i += 1
                    break
                }
                if lo < 0 || lo > 1000 || hi > 1000 || hi >= 0 && lo > hi { throw SyntaxError() }
                i = after
                try applyRepeat(min: lo, max: hi, counted: true, lastWasRepeat: lastWasRepeat)
                isRepeat = true
            case 0x5C:
                try parseBackslash()
            default:
                push(.literal(c))
                i += 1
            }
            lastWasRepeat = isRepeat
        }
        guard frames.count == 1 else { throw SyntaxError() }
        return Self.close(frames[0])
    }

    private static func concat(_ items: [RegexNode]) -> RegexNode {
        items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
    }

    private static func close(_ frame: Frame) -> RegexNode {
        if frame.alternatives.isEmpty { return concat(frame.items) }
        return .alternate(frame.alternatives + [concat(frame.items)])
    }

    private mutating func applyRepeat(min: Int, max: Int, counted: Bool, lastWasRepeat: Bool) throws(SyntaxError) {
        if i < t.count, t[i] == 0x3F { i += 1 }  // non-greedy marker: same yes/no answer
        if lastWasRepeat { throw SyntaxError() }
        guard let sub = frames[frames.count - 1].items.popLast() else { throw SyntaxError() }
        let node = RegexNode.repeat(sub, min: min, max: max, counted: counted)
        if counted && (min >= 2 || max >= 2) && !node.repeatIsValid(1000) { throw SyntaxError() }
        push(node)
    }

    /// Go's `parseRepeat`: `{n}`, `{n,}`, `{n,m}`; `nil` when `{` is a literal. Too-big numbers give -1.
    private func parseRepeatBounds(from start: Int) -> (Int, Int, Int)? {
        var j = start + 1
        guard let lo = parseInt(&j), j < t.count else { return nil }
        var minimum = lo
        var maximum: Int
        if t[j] != 0x2C {
            maximum = minimum
        } else {
            j += 1
            guard j < t.count else { return nil }
            if t[j] == 0x7D {
                maximum = -1
            } else {
                guard let hi = parseInt(&j) else { return nil }
                maximum = hi
                if hi < 0 { minimum = -1 }
            }
        }
        guard j < t.count, t[j] == 0x7D else { return nil }
        return (minimum, maximum, j + 1)
    }

    private func parseInt(_ j: inout Int) -> Int? {
        func isDigit(_ k: Int) -> Bool { k < t.count && t[k] >= 0x30 && t[k] <= 0x39 }
        guard isDigit(j) else { return nil }
        if t[j] == 0x30, isDigit(j + 1) { return nil }
        var n = 0
        var overflow = false
        while isDigit(j) {
            if n >= 100_000_000 { overflow = true }
            if !overflow { n = n * 10 + Int(t[j] - 0x30) }
            j += 1
        }
        return overflow ? -1 : n
    }

    private mutating func parseBackslash() throws(SyntaxError) {
        if i + 1 < t.count {
            switch t[i + 1] {
            case 0x41: push(.beginText); i += 2; return  // \A
            case 0x62: push(.wordBoundary); i += 2; return  // \b
            case 0x42: push(.notWordBoundary); i += 2; return  // \B
            case 0x43: throw SyntaxError()  // \C
            case 0x51:  // \Q ... \E
                var j = i + 2
                while j < t.count, !(t[j] == 0x5C && j + 1 < t.count && t[j + 1] == 0x45) {
                    push(.literal(t[j]))
                    j += 1
                }
                i = j < t.count ? j + 2 : j
                return
            case 0x7A: push(.endText); i += 2; return  // \z
            default: break
            }
        }
        if let ranges = try parseUnicodeClass() {
            push(.runeClass(ranges))
            return
        }
        if let ranges = parsePerlClass() {
            push(.runeClass(ranges))
            return
        }
        push(.literal(try parseEscape()))
    }

    /// `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}`; `nil` when not at `\p` / `\P`.
    private mutating func parseUnicodeClass() throws(SyntaxError) -> RuneRanges? {
        guard i + 1 < t.count, t[i] == 0x5C, t[i + 1] == 0x70 || t[i + 1] == 0x50 else { return nil }
        var positive = t[i + 1] == 0x70
        var name: [UInt32]
        if i + 2 < t.count, t[i + 2] == 0x7B {
            guard let end = t[(i + 2)...].firstIndex(of: 0x7D) else { throw SyntaxError() }
            name = Array(t[(i + 3)..<end])
            i = end + 1
        } else {
            name = i + 2 < t.count ? [t[i + 2]] : []
            i += 2 + name.count
        }
        if name.first == 0x5E {
            positive.toggle()
            name.removeFirst()
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: name.compactMap(Unicode.Scalar.init))
        guard let table = RuneRanges.unicodeTable(named: text) else { throw SyntaxError() }
        return positive ? table : table.negated
    }

    private static let perlClasses: [UInt32: [(UInt32, UInt32)]] = [
        0x64: [(0x30, 0x39)],
        0x73: [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)],
        0x77: [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
    ]

    /// `\d \s \w \D \S \W`; `nil` when not at one.
    private mutating func parsePerlClass() -> RuneRanges? {
        guard i + 1 < t.count, t[i] == 0x5C else { return nil }
        let letter = t[i + 1]
        let lower = letter >= 0x41 && letter <= 0x5A ? letter + 0x20 : letter
        guard let pairs = Self.perlClasses[lower] else { return nil }
        i += 2
        let ranges = RuneRanges(pairs: pairs)
        return letter == lower ? ranges : ranges.negated
    }

    private static let posixClasses: [String: [(UInt32, UInt32)]] = [
        "alnum": [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)],
        "alpha": [(0x41, 0x5A), (0x61, 0x7A)],
        "ascii": [(0x00, 0x7F)],
        "blank": [(0x09, 0x09), (0x20, 0x20)],
        "cntrl": [(0x00, 0x1F), (0x7F, 0x7F)],
        "digit": [(0x30, 0x39)],
        "graph": [(0x21, 0x7E)],
        "lower": [(0x61, 0x7A)],
        "print": [(0x20, 0x7E)],
        "punct": [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)],
        "space": [(0x09, 0x0D), (0x20, 0x20)],
        "upper": [(0x41, 0x5A)],
        "word": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
        "xdigit": [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)],
    ]

    /// Go's `parseClass`: `[...]`, `[^...]` with ranges, POSIX, Unicode and Perl classes and escapes.
    private mutating func parseClass() throws(SyntaxError) {
        i += 1
        var negate = false
        if i < t.count, t[i] == 0x5E {
            negate = true
            i += 1
        }
        var pairs: [(UInt32, UInt32)] = []
        var first = true
        while i >= t.count || t[i] != 0x5D || first {
            first = false
            if t.count - i > 2, t[i] == 0x5B, t[i + 1] == 0x3A, let ranges = try parsePosixClass() {
                pairs += ranges.pairs
                continue
            }
            if let ranges = try parseUnicodeClass() {
                pairs += ranges.pairs
                continue
            }
            if let ranges = parsePerlClass() {
                pairs += ranges.pairs
                continue
            }
            let lo = try parseClassChar()
            var hi = lo
            if t.count - i >= 2, t[i] == 0x2D, t[i + 1] != 0x5D {
                i += 1
                hi = try parseClassChar()
                if hi < lo { throw SyntaxError() }
            }
            pairs.append((lo, hi))
        }
        i += 1
        let ranges = RuneRanges(pairs: pairs)
        push(.runeClass(negate ? ranges.negated : ranges))
    }

    /// `[:alpha:]`, `[:^alpha:]`; `nil` when no `:]` follows anywhere (then `[` is an ordinary character).
    private mutating func parsePosixClass() throws(SyntaxError) -> RuneRanges? {
        var j = i + 2
        while j + 1 < t.count, !(t[j] == 0x3A && t[j + 1] == 0x5D) { j += 1 }
        guard j + 1 < t.count else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: t[(i + 2)..<j].compactMap(Unicode.Scalar.init))
        var negated = false
        if name.hasPrefix("^") {
            negated = true
            name.removeFirst()
        }
        guard let pairs = Self.posixClasses[name] else { throw SyntaxError() }
        i = j + 2
        let ranges = RuneRanges(pairs: pairs)
        return negated ? ranges.negated : ranges
    }

    private mutating func parseClassChar() throws(SyntaxError) -> UInt32 {
        guard i < t.count else { throw SyntaxError() }
        if t[i] == 0x5C { return try parseEscape() }
        i += 1
        return t[i - 1]
    }

    private static func isAlnum(_ c: UInt32) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    private static func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Go's `parseEscape`: a single-character escape at `\`.
    private mutating func parseEscape() throws(SyntaxError) -> UInt32 {
        i += 1
        guard i < t.count else { throw SyntaxError() }
        let c = t[i]
        i += 1
        func isOctal(_ k: Int) -> Bool { k < t.count && t[k] >= 0x30 && t[k] <= 0x37 }
        switch c {
        case 0x31...0x37, 0x30:
            if c != 0x30, !isOctal(i) { throw SyntaxError() }
            var r = c - 0x30
            for _ in 1..<3 where isOctal(i) {
                r = r * 8 + t[i] - 0x30
                i += 1
            }
            return r
        case 0x78:  // x
            guard i < t.count else { throw SyntaxError() }
            let d = t[i]
            i += 1
            if d == 0x7B {
                var r: UInt32 = 0
                var digits = 0
                while true {
                    guard i < t.count else { throw SyntaxError() }
                    let h = t[i]
                    i += 1
                    if h == 0x7D { break }
                    guard let v = Self.hexValue(h) else { throw SyntaxError() }
                    r = r * 16 + v
                    if r > RuneRanges.maxRune { throw SyntaxError() }
                    digits += 1
                }
                if digits == 0 { throw SyntaxError() }
                return r
            }
            guard let x = Self.hexValue(d), i < t.count, let y = Self.hexValue(t[i]) else { throw SyntaxError() }
            i += 1
            return x * 16 + y
        case 0x61: return 0x07
        case 0x66: return 0x0C
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x74: return 0x09
        case 0x76: return 0x0B
        default:
            if c < 0x80 && !Self.isAlnum(c) { return c }
            throw SyntaxError()
        }
    }
}
