/// One ignore rule compiled once into the cheapest matcher that gives exactly Go's answer.
struct CompiledPattern: Sendable {
    /// How a pattern is matched, cheapest first.
    enum Matcher: Sendable {
        case exact([UInt8])
        case prefix([UInt8])
        /// `**` at the start: the path ends with the bytes, or equals them without their leading `/`.
        case suffix([UInt8])
        case glob(SegmentGlob)
        /// `**/` then a glob: Go's `^(.*/)?G$`, i.e. the last segments match `G` and what precedes them has no `\n`.
        case anyDirectoriesThenGlob(SegmentGlob)
        case regexp(RegexProgram)
        /// Go's regexp rejects the pattern: evaluating it is a match-time error.
        case invalid
    }

    let matcher: Matcher
    let isException: Bool

    /// Compiles a cleaned pattern (without `!`). `fastPaths: false` keeps every regexp pattern on the general matcher.
    init(pattern: [UInt8], isException: Bool, fastPaths: Bool = true) {
        self.isException = isException
        let translation = PatternTranslation(pattern: pattern)
        switch translation.kind {
        case .exact:
            matcher = .exact(pattern)
        case .prefix:
            matcher = .prefix(Array(pattern.dropLast(2)))
        case .suffix:
            matcher = .suffix(Array(pattern.dropFirst(2)))
        case .regexp:
            if fastPaths, let glob = SegmentGlob(pattern: pattern) {
                matcher = .glob(glob)
            } else if fastPaths, pattern.starts(with: Array("**/".utf8)),
                let glob = SegmentGlob(pattern: Array(pattern.dropFirst(3)))
            {
                matcher = .anyDirectoriesThenGlob(glob)
            } else if let node = try? RegexParser.parse(translation.regexpSource),
                let program = try? RegexProgram(node)
            {
                matcher = .regexp(program)
            } else {
                matcher = .invalid
            }
        }
    }

    var kind: IgnoreMatcher.MatcherKind {
        switch matcher {
        case .exact: return .exact
        case .prefix: return .prefix
        case .suffix: return .suffix
        case .glob, .anyDirectoriesThenGlob: return .glob
        case .regexp: return .regexp
        case .invalid: return .invalid
        }
    }

    var isInvalid: Bool {
        if case .invalid = matcher { return true }
        return false
    }

    /// Whether `path` itself matches; never called for `.invalid`.
    @inline(__always)
    func matches(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        switch matcher {
        case .exact(let bytes):
            return path.count == bytes.count && path.elementsEqual(bytes)
        case .prefix(let bytes):
            return path.count >= bytes.count && path.prefix(bytes.count).elementsEqual(bytes)
        case .suffix(let bytes):
            if path.count >= bytes.count && path.suffix(bytes.count).elementsEqual(bytes) { return true }
            return bytes.first == UInt8(ascii: "/") && path.count == bytes.count - 1
                && path.elementsEqual(bytes.dropFirst())
        case .glob(let glob):
            return glob.matches(path)
        case .anyDirectoriesThenGlob(let glob):
            return glob.matchesLastSegments(path)
        case .regexp(let program):
            return program.matches(path)
        case .invalid:
            return false
        }
    }

    /// Whether some path strictly below the directory `prefix` (ending with `/`) could match. `false` is a proof.
    func canMatchBelow(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        switch matcher {
        case .exact(let bytes):
            return bytes.count > prefix.count && bytes.starts(with: prefix)
        case .prefix(let bytes):
            return bytes.starts(with: prefix) || prefix.starts(with: bytes)
        case .suffix, .anyDirectoriesThenGlob:
            return true
        case .glob(let glob):
            return glob.canMatchBelow(prefix)
        case .regexp(let program):
            return program.canMatchSomeExtension(of: prefix)
        case .invalid:
            return true
        }
    }
}
