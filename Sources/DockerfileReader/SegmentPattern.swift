/// One path segment of a wildcard source, matched like Go's `filepath.Match` (`*`, `?`, `[...]`, `[^...]`, `\`).
///
/// A segment that is exactly `**` matches any number of whole segments; BuildKit gives `**` that meaning with
/// `--parents` and plain `*` meaning otherwise, so treating it as "any depth" never misses a file that is read.
struct SegmentPattern: Equatable, Sendable {
    enum Token: Equatable, Sendable {
        case literal(Unicode.Scalar)
        case anyOne
        case anyRun
        case set(negated: Bool, ranges: [ClosedRange<UInt32>])
    }

    let tokens: [Token]
    let isAnyDepth: Bool

    /// A pattern that matches `text` literally.
    init(literal text: Substring) {
        tokens = text.unicodeScalars.map(Token.literal)
        isAnyDepth = false
    }

    /// Compiles a wildcard segment; nil when it is malformed (Go's `ErrBadPattern`).
    init?(wildcard text: Substring) {
        var tokens: [Token] = []
        var scalars = Array(text.unicodeScalars)[...]
        func escapedScalar() -> Unicode.Scalar? {
            guard let first = scalars.popFirst() else { return nil }
            guard first == "\\" else { return first }
            return scalars.popFirst()
        }
        while let scalar = scalars.first {
            switch scalar {
            case "*":
                scalars.removeFirst()
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?":
                scalars.removeFirst()
                tokens.append(.anyOne)
            case "[":
                scalars.removeFirst()
                let negated = scalars.first == "^"
                if negated { scalars.removeFirst() }
                var ranges: [ClosedRange<UInt32>] = []
                while true {
                    if scalars.first == "]", !ranges.isEmpty {
                        scalars.removeFirst()
                        break
                    }
                    guard scalars.first != "-", scalars.first != "]", let low = escapedScalar() else { return nil }
                    var high = low
                    if scalars.first == "-" {
                        scalars.removeFirst()
                        guard scalars.first != "]", let upper = escapedScalar() else { return nil }
                        high = upper
                    }
                    guard low.value <= high.value else { return nil }
                    ranges.append(low.value...high.value)
                }
                tokens.append(.set(negated: negated, ranges: ranges))
            default:
                guard let literal = escapedScalar() else { return nil }
                tokens.append(.literal(literal))
            }
        }
        self.tokens = tokens
        isAnyDepth = text == "**"
    }

    /// Whether one path segment (no `/`) matches.
    func matches(_ segment: Substring) -> Bool {
        Self.matches(tokens[...], Array(segment.unicodeScalars)[...])
    }

    private static func matches(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch first {
        case .anyRun:
            var remaining = text
            while true {
                if matches(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case .anyOne:
            return !text.isEmpty && matches(rest, text.dropFirst())
        case .literal(let scalar):
            return text.first == scalar && matches(rest, text.dropFirst())
        case .set(let negated, let ranges):
            guard let scalar = text.first else { return false }
            let inSet = ranges.contains { $0.contains(scalar.value) }
            return inSet != negated && matches(rest, text.dropFirst())
        }
    }
}
