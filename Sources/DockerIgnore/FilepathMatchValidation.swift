/// Go's `filepath.Match(pattern, ".")` reduced to its error result: the set-level check `patternmatcher.New` makes.
///
/// `filepath.Match` only validates the chunks it reaches before the match against `.` fails, so `[` is rejected
/// but `a*[` is not; this port keeps that behaviour by running the real algorithm on the name `.`.
enum FilepathMatchValidation {
    /// Whether `filepath.Match(pattern, ".")` returns `ErrBadPattern`.
    static func isBadPattern(_ pattern: [UInt8]) -> Bool {
        pattern.withUnsafeBufferPointer { p in
            var rest = p[...]
            var name: ArraySlice<UInt8> = [UInt8(ascii: ".")]
            let slash = UInt8(ascii: "/")
            patterns: while !rest.isEmpty {
                let (star, chunk, after) = scanChunk(rest)
                rest = after
                if star && chunk.isEmpty { return false }
                let first = matchChunk(chunk, name)
                if let t = first.rest, t.isEmpty || !rest.isEmpty {
                    name = t
                    continue
                }
                if first.bad { return true }
                if star {
                    var i = name.startIndex
                    while i < name.endIndex, name[i] != slash {
                        let attempt = matchChunk(chunk, name[(i + 1)...])
                        if let t = attempt.rest {
                            if rest.isEmpty && !t.isEmpty { i += 1; continue }
                            name = t
                            continue patterns
                        }
                        if attempt.bad { return true }
                        i += 1
                    }
                }
                return false
            }
            return false
        }
    }

    private static func scanChunk(
        _ pattern: Slice<UnsafeBufferPointer<UInt8>>
    ) -> (star: Bool, chunk: Slice<UnsafeBufferPointer<UInt8>>, rest: Slice<UnsafeBufferPointer<UInt8>>) {
        var p = pattern
        var star = false
        while let c = p.first, c == UInt8(ascii: "*") {
            p = p.dropFirst()
            star = true
        }
        var inRange = false
        var i = p.startIndex
        scan: while i < p.endIndex {
            switch p[i] {
            case UInt8(ascii: "\\"):
                if i + 1 < p.endIndex { i += 1 }
            case UInt8(ascii: "["):
                inRange = true
            case UInt8(ascii: "]"):
                inRange = false
            case UInt8(ascii: "*"):
                if !inRange { break scan }
            default:
                break
            }
            i += 1
        }
        return (star, p[p.startIndex..<i], p[i...])
    }

    /// `matchChunk`: `rest` is the remainder of `s` on a match, `bad` reports `ErrBadPattern`.
    private static func matchChunk(
        _ chunkIn: Slice<UnsafeBufferPointer<UInt8>>, _ sIn: ArraySlice<UInt8>
    ) -> (rest: ArraySlice<UInt8>?, bad: Bool) {
        var chunk = chunkIn
        var s = sIn
        var failed = false
        while let c = chunk.first {
            if !failed && s.isEmpty { failed = true }
            switch c {
            case UInt8(ascii: "["):
                var r: UInt32 = 0
                if !failed {
                    let (rune, n) = decode(s)
                    r = rune
                    s = s.dropFirst(n)
                }
                chunk = chunk.dropFirst()
                var negated = false
                if chunk.first == UInt8(ascii: "^") {
                    negated = true
                    chunk = chunk.dropFirst()
                }
                var matched = false
                var ranges = 0
                while true {
                    if chunk.first == UInt8(ascii: "]"), ranges > 0 {
                        chunk = chunk.dropFirst()
                        break
                    }
                    guard let (lo, afterLo) = getEsc(chunk) else { return (nil, true) }
                    chunk = afterLo
                    var hi = lo
                    if chunk.first == UInt8(ascii: "-") {
                        guard let (h, afterHi) = getEsc(chunk.dropFirst()) else { return (nil, true) }
                        hi = h
                        chunk = afterHi
                    }
                    if lo <= r && r <= hi { matched = true }
                    ranges += 1
                }
                if matched == negated { failed = true }
            case UInt8(ascii: "?"):
                if !failed {
                    if s.first == UInt8(ascii: "/") { failed = true }
                    s = s.dropFirst(decode(s).width)
                }
                chunk = chunk.dropFirst()
            default:
                if c == UInt8(ascii: "\\") {
                    chunk = chunk.dropFirst()
                    if chunk.isEmpty { return (nil, true) }
                }
                if !failed {
                    if chunk.first != s.first { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            }
        }
        return failed ? (nil, false) : (s, false)
    }

    /// `getEsc`: one possibly escaped class character, or `nil` for `ErrBadPattern`.
    private static func getEsc(
        _ chunkIn: Slice<UnsafeBufferPointer<UInt8>>
    ) -> (UInt32, Slice<UnsafeBufferPointer<UInt8>>)? {
        var chunk = chunkIn
        guard let c = chunk.first, c != UInt8(ascii: "-"), c != UInt8(ascii: "]") else { return nil }
        if c == UInt8(ascii: "\\") {
            chunk = chunk.dropFirst()
            if chunk.isEmpty { return nil }
        }
        let (r, n) = GoText.decodeRune(chunk.base, at: chunk.startIndex)
        if r == 0xFFFD && n == 1 { return nil }
        let rest = chunk.dropFirst(n)
        if rest.isEmpty { return nil }
        return (r, rest)
    }

    private static func decode(_ s: ArraySlice<UInt8>) -> (rune: UInt32, width: Int) {
        s.withUnsafeBufferPointer { GoText.decodeRune($0, at: 0) }
    }
}
