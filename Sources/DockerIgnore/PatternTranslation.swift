/// What `patternmatcher`'s `Pattern.compile` makes of a cleaned pattern: a match type and, for regexps, the
/// regular-expression source it builds.
///
/// A faithful port on Unicode scalars read like `text/scanner` (a U+FEFF at the very start is skipped; invalid UTF-8
/// becomes U+FFFD), including its quirks: `^ | { }` are not escaped, `\c` is copied as a regexp escape, `**` at the
/// first character makes a suffix match whatever follows unless a later character forces a regexp.
struct PatternTranslation: Equatable {
    enum Kind: Equatable {
        case exact, prefix, suffix, regexp
    }

    let kind: Kind
    /// Regular-expression source (`^...$`), meaningful for `.regexp` only. Always valid UTF-8.
    let regexpSource: [UInt32]

    init(pattern: [UInt8]) {
        var runes: [UInt32] = []
        pattern.withUnsafeBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let (r, w) = GoText.decodeRune(buf, at: i)
                runes.append(r)
                i += w
            }
        }
        if runes.first == 0xFEFF { runes.removeFirst() }

        let star: UInt32 = 0x2A, slash: UInt32 = 0x2F, backslash: UInt32 = 0x5C
        let notSlash: [UInt32] = Array("[^/]".unicodeScalars.map(\.value))
        var source: [UInt32] = [0x5E]
        var kind = Kind.exact
        var index = 0
        var iteration = 0
        func peek() -> UInt32? { index < runes.count ? runes[index] : nil }
        while index < runes.count {
            let ch = runes[index]
            index += 1
            defer { iteration += 1 }
            switch ch {
            case star:
                if peek() == star {
                    index += 1
                    if peek() == slash { index += 1 }
                    if peek() == nil {
                        if kind == .exact {
                            kind = .prefix
                        } else {
                            source += Array(".*".unicodeScalars.map(\.value))
                            kind = .regexp
                        }
                    } else {
                        source += Array("(.*/)?".unicodeScalars.map(\.value))
                        kind = .regexp
                    }
                    if iteration == 0 { kind = .suffix }
                } else {
                    source += notSlash + [star]
                    kind = .regexp
                }
            case 0x3F:
                source += notSlash
                kind = .regexp
            case 0x2E, 0x2B, 0x28, 0x29, 0x24:
                source += [backslash, ch]
            case backslash:
                if let next = peek() {
                    index += 1
                    source += [backslash, next]
                    kind = .regexp
                } else {
                    source.append(backslash)
                }
            case 0x5B, 0x5D:
                source.append(ch)
                kind = .regexp
            default:
                source.append(ch)
            }
        }
        if kind == .regexp { source.append(0x24) }
        self.kind = kind
        self.regexpSource = source
    }
}
