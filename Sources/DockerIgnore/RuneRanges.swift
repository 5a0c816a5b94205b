/// A set of Unicode code points as sorted, disjoint, non-adjacent closed ranges (Go regexp's class representation).
struct RuneRanges: Equatable, Sendable {
    static let maxRune: UInt32 = 0x10FFFF

    /// Flattened `[lo0, hi0, lo1, hi1, ...]`.
    private(set) var bounds: [UInt32] = []

    init() {}

    init(pairs: [(UInt32, UInt32)]) {
        var sorted = pairs.sorted { $0.0 < $1.0 || $0.0 == $1.0 && $0.1 > $1.1 }
        var merged: [UInt32] = []
        var i = 0
        while i < sorted.count {
            var (lo, hi) = sorted[i]
            i += 1
            while i < sorted.count, sorted[i].0 <= hi &+ 1 {
                hi = max(hi, sorted[i].1)
                i += 1
            }
            merged.append(lo)
            merged.append(hi)
        }
        sorted.removeAll()
        bounds = merged
    }

    var pairs: [(UInt32, UInt32)] {
        stride(from: 0, to: bounds.count, by: 2).map { (bounds[$0], bounds[$0 + 1]) }
    }

    /// The complement within 0...U+10FFFF.
    var negated: RuneRanges {
        var result: [(UInt32, UInt32)] = []
        var next: UInt32 = 0
        for (lo, hi) in pairs {
            if lo > next { result.append((next, lo - 1)) }
            next = hi + 1
        }
        if next <= Self.maxRune { result.append((next, Self.maxRune)) }
        return RuneRanges(pairs: result)
    }

    @inline(__always)
    func contains(_ r: UInt32) -> Bool {
        var lo = 0, hi = bounds.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if r < bounds[2 * mid] {
                hi = mid
            } else if r > bounds[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Go's `\p{Name}` tables (general categories, scripts, `Any`), parsed once on first use.
    static func unicodeTable(named name: String) -> RuneRanges? {
        if name == "Any" { return RuneRanges(pairs: [(0, maxRune)]) }
        return unicodeTables[name]
    }

    private static let unicodeTables: [String: RuneRanges] = {
        var tables: [String: RuneRanges] = [:]
        for entry in goUnicodeTablesText.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            guard let eq = entry.firstIndex(of: "=") else { continue }
            let name = String(entry[..<eq])
            var pairs: [(UInt32, UInt32)] = []
            for item in entry[entry.index(after: eq)...].split(separator: ",") {
                let parts = item.split(separator: "-")
                let lo = UInt32(parts[0], radix: 16)!
                let hi = parts.count > 1 ? UInt32(parts[1], radix: 16)! : lo
                pairs.append((lo, hi))
            }
            tables[name] = RuneRanges(pairs: pairs)
        }
        return tables
    }()
}
