/// Byte-level ports of the Go standard library functions that Docker applies to ignore-file lines.
enum GoText {
    /// `utf8.DecodeRune`: the code point at `index` and its width; invalid or truncated input gives U+FFFD, width 1.
    @inline(__always)
    static func decodeRune(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (rune: UInt32, width: Int) {
        let end = bytes.count
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let bad: (UInt32, Int) = (0xFFFD, 1)
        func cont(_ i: Int) -> UInt32? {
            guard i < end else { return nil }
            let b = bytes[i]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(index + 1) else { return bad }
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        case 0xE0...0xEF:
            guard index + 1 < end else { return bad }
            let b1 = bytes[index + 1]
            let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard b1 >= lo, b1 <= hi, let c2 = cont(index + 2) else { return bad }
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | c2, 3)
        case 0xF0...0xF4:
            guard index + 1 < end else { return bad }
            let b1 = bytes[index + 1]
            let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard b1 >= lo, b1 <= hi, let c2 = cont(index + 2), let c3 = cont(index + 3) else { return bad }
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(b1 & 0x3F) << 12) | (c2 << 6) | c3, 4)
        default:
            return bad
        }
    }

    /// Go's `unicode.IsSpace` (the White_Space property).
    static func isSpace(_ r: UInt32) -> Bool {
        switch r {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `strings.TrimSpace` on UTF-8 bytes.
    static func trimSpace(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buf -> [UInt8] in
            var start = 0
            while start < buf.count {
                let (r, w) = decodeRune(buf, at: start)
                if !isSpace(r) { break }
                start += w
            }
            var end = buf.count
            while end > start {
                // Step back to the start of the last rune the way utf8.DecodeLastRune does.
                var s = end - 1
                if buf[s] >= 0x80 {
                    let limit = max(start, end - 4)
                    while s > limit, buf[s] & 0xC0 == 0x80 { s -= 1 }
                    let (r, w) = decodeRune(buf, at: s)
                    if s + w != end { break }
                    if !isSpace(r) { break }
                } else if !isSpace(UInt32(buf[s])) {
                    break
                }
                end = s
            }
            return Array(buf[start..<end])
        }
    }

    /// `filepath.Clean` for `/`-separated paths: the shortest lexically equivalent path.
    static func clean(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        if path.isEmpty { return [dot] }
        let rooted = path[0] == slash
        let n = path.count
        var out: [UInt8] = rooted ? [slash] : []
        var r = rooted ? 1 : 0
        var dotdot = rooted ? 1 : 0
        while r < n {
            if path[r] == slash {
                r += 1
            } else if path[r] == dot, r + 1 == n || path[r + 1] == slash {
                r += 1
            } else if path[r] == dot, path[r + 1] == dot, r + 2 == n || path[r + 2] == slash {
                r += 2
                if out.count > dotdot {
                    var w = out.count - 1
                    while w > dotdot, out[w] != slash { w -= 1 }
                    out.removeSubrange(w...)
                } else if !rooted {
                    if !out.isEmpty { out.append(slash) }
                    out.append(dot)
                    out.append(dot)
                    dotdot = out.count
                }
            } else {
                if rooted && out.count != 1 || !rooted && !out.isEmpty { out.append(slash) }
                while r < n, path[r] != slash {
                    out.append(path[r])
                    r += 1
                }
            }
        }
        if out.isEmpty { return [dot] }
        return out
    }
}
