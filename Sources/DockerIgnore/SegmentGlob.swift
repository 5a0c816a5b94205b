/// A pattern made only of literal characters, `*` and `?`, matched segment by segment without a regexp.
///
/// Used only where the regexp `patternmatcher` builds is provably the same: no `\ [ ] ^ | { }`, no `**`, valid
/// UTF-8 and no leading U+FEFF. Then each `/` is literal, `*` is `[^/]*` and `?` is `[^/]`, so a path matches iff it
/// has as many segments and each segment matches; `?` and `*` step over whole code points decoded like Go.
struct SegmentGlob: Sendable {
    enum Item: Sendable {
        case literal([UInt8])
        case anyRune
    }

    /// A run of items, possibly preceded by `*`.
    struct Chunk: Sendable {
        var star: Bool
        var items: [Item]
    }

    let segments: [[Chunk]]

    /// The glob for `pattern`, or `nil` when it must stay a regexp.
    init?(pattern: [UInt8]) {
        guard String(validating: pattern, as: UTF8.self) != nil, !pattern.starts(with: [0xEF, 0xBB, 0xBF]) else {
            return nil
        }
        for (k, b) in pattern.enumerated() {
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "^"), UInt8(ascii: "|"),
                UInt8(ascii: "{"), UInt8(ascii: "}"):
                return nil
            case UInt8(ascii: "*") where k + 1 < pattern.count && pattern[k + 1] == UInt8(ascii: "*"):
                return nil
            default:
                continue
            }
        }
        segments = pattern.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { segment in
            var chunks = [Chunk(star: false, items: [])]
            for b in segment {
                switch b {
                case UInt8(ascii: "*"):
                    chunks.append(Chunk(star: true, items: []))
                case UInt8(ascii: "?"):
                    chunks[chunks.count - 1].items.append(.anyRune)
                default:
                    if case .literal(var bytes)? = chunks[chunks.count - 1].items.last {
                        bytes.append(b)
                        chunks[chunks.count - 1].items[chunks[chunks.count - 1].items.count - 1] = .literal(bytes)
                    } else {
                        chunks[chunks.count - 1].items.append(.literal([b]))
                    }
                }
            }
            if chunks[0].items.isEmpty && chunks.count > 1 { chunks.removeFirst() }
            return chunks
        }
    }

    /// Whether the whole `path` matches.
    func matches(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        for (k, segment) in segments.enumerated() {
            var end = start
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            if k < segments.count - 1 {
                guard end < path.count else { return false }
            } else if end != path.count {
                return false
            }
            guard Self.matchSegment(segment, path, from: start, to: end) else { return false }
            start = end + 1
        }
        return true
    }

    /// Whether `(.*/)?` followed by this glob matches `path`: its last segments match and the part before them,
    /// if any, contains no `\n` (Go's `.` does not match a newline).
    func matchesLastSegments(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = path.count
        var slashes = 0
        while start > 0 {
            if path[start - 1] == UInt8(ascii: "/") {
                slashes += 1
                if slashes == segments.count { break }
            }
            start -= 1
        }
        if slashes < segments.count - 1 { return false }
        for k in 0..<start where path[k] == UInt8(ascii: "\n") { return false }
        return matches(UnsafeBufferPointer(rebasing: path[start...]))
    }

    /// Whether some path strictly below the directory `prefix` (which ends with `/`) could match.
    func canMatchBelow(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var k = 0
        while start < prefix.count {
            var end = start
            while prefix[end] != UInt8(ascii: "/") { end += 1 }
            guard k < segments.count, Self.matchSegment(segments[k], prefix, from: start, to: end) else { return false }
            k += 1
            start = end + 1
        }
        return k < segments.count
    }

    private static func matchSegment(
        _ chunks: [Chunk], _ s: UnsafeBufferPointer<UInt8>, from: Int, to: Int
    ) -> Bool {
        var pos = from
        for (c, chunk) in chunks.enumerated() {
            let isLast = c == chunks.count - 1
            if chunk.star && chunk.items.isEmpty {
                if isLast { return true }
                continue
            }
            if !chunk.star {
                guard let e = matchChunk(chunk.items, s, at: pos, limit: to), !isLast || e == to else { return false }
                pos = e
                continue
            }
            var p = pos
            var found = false
            while p <= to {
                if let e = matchChunk(chunk.items, s, at: p, limit: to), !isLast || e == to {
                    pos = e
                    found = true
                    break
                }
                if p == to { break }
                p += GoText.decodeRune(s, at: p).width
            }
            if !found { return false }
        }
        return pos == to
    }

    private static func matchChunk(_ items: [Item], _ s: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> Int?
    {
        var pos = start
        for item in items {
            switch item {
            case .anyRune:
                guard pos < limit else { return nil }
                pos += GoText.decodeRune(s, at: pos).width
                if pos > limit { return nil }
            case .literal(let bytes):
                guard limit - pos >= bytes.count else { return nil }
                for (k, b) in bytes.enumerated() where s[pos + k] != b { return nil }
                pos += bytes.count
            }
        }
        return pos
    }
}
