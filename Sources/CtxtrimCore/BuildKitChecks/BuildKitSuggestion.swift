/// BuildKit's `suggest.Search`: the option closest to a misspelt name, within an edit distance of 2.
enum BuildKitSuggestion {
    /// The closest of `options` to `name` (case-sensitive), nil when none is near or one equals it.
    static func closest(to name: String, in options: [String]) -> String? {
        var best: String?
        var bestDistance = 3
        for option in options.sorted() {
            if option == name { return nil }
            let distance = levenshtein(Array(name.unicodeScalars), Array(option.unicodeScalars))
            if distance < bestDistance {
                best = option
                bestDistance = distance
            }
        }
        return best
    }

    private static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
