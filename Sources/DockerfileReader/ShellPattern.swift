/// A shell pattern as used by `${NAME#pattern}` and `${NAME%pattern}`.
///
/// `*` matches any run of characters, `?` any one character, `\x` the character `x`.
struct ShellPattern {
    private enum Token: Equatable {
        case literal(Character)
        case anyOne
        case anyRun
    }

    private let tokens: [Token]

    init(_ pattern: String) {
        var tokens: [Token] = []
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "*": tokens.append(.anyRun)
            case "?": tokens.append(.anyOne)
            case "\\": tokens.append(.literal(iterator.next() ?? "\\"))
            default: tokens.append(.literal(character))
            }
        }
        self.tokens = tokens
    }

    func matches(_ text: Substring) -> Bool {
        matches(tokens[...], Array(text)[...])
    }

    private func matches(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Character>) -> Bool {
        guard let first = tokens.first else { return text.isEmpty }
        switch first {
        case .anyRun:
            var rest = text
            while true {
                if matches(tokens.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .anyOne:
            return !text.isEmpty && matches(tokens.dropFirst(), text.dropFirst())
        case .literal(let character):
            return text.first == character && matches(tokens.dropFirst(), text.dropFirst())
        }
    }

    /// `value` without its shortest (or longest) prefix that matches.
    func removingPrefix(of value: String, longest: Bool) -> String {
        let ends = Array(value.indices) + [value.endIndex]
        for end in longest ? ends.reversed() : ends where matches(value[..<end]) {
            return String(value[end...])
        }
        return value
    }

    /// `value` without its shortest (or longest) suffix that matches.
    func removingSuffix(of value: String, longest: Bool) -> String {
        let starts = Array(value.indices) + [value.endIndex]
        for start in longest ? starts : starts.reversed() where matches(value[start...]) {
            return String(value[..<start])
        }
        return value
    }
}
