import UntrustedText

/// The compiled rules of one ignore file: answers Docker's questions about paths. Immutable and thread-safe.
///
/// Paths are clean, relative and `/`-separated, as a walk produces them. Byte-based entry points take
/// `UnsafeBufferPointer<UInt8>` and do not allocate for up to 64 patterns; `String` overloads are conveniences.
package struct IgnoreMatcher: Sendable {
    /// Which matcher a pattern was compiled into.
    package enum MatcherKind: String, CaseIterable, Sendable {
        case exact, prefix, suffix, glob, regexp, invalid
    }

    /// A verdict and the index (into `file.rules`) of the last rule that took effect, if any.
    package struct Verdict: Equatable, Sendable {
        package let excluded: Bool
        package let decidingRule: Int?
    }

    /// A top-down walk decision for one entry.
    package struct Decision: Equatable, Sendable {
        package let excluded: Bool
        package let decidingRule: Int?
        /// The state to pass to this entry's children.
        package let state: ParentMatches
        /// For an excluded directory: whether BuildKit skips it (docs/ignore-semantics.md §5). Always `false` for files.
        package let dockerPrunes: Bool
    }

    /// The outcome of the whole walk for one regular file (`explain`).
    package struct SendDecision: Equatable, Sendable {
        package let sent: Bool
        package let decidingRule: Int?
        /// The ancestor directory BuildKit does not enter, when that is why the file is not sent.
        package let prunedAt: String?
    }

    package let file: IgnoreFile
    let patterns: [CompiledPattern]
    private let exceptionIndices: [Int]
    /// BuildKit prunes excluded directories only when no exception has a wildcard (after one trailing `/**` or `/*`).
    package let pruningEnabled: Bool
    private let exceptionDirectoryPrefixes: [[UInt8]]

    /// Compiles `file`, failing like `patternmatcher.New` (lone `!`, `filepath.Match` syntax errors).
    package init(_ file: IgnoreFile) throws(IgnoreError) {
        try self.init(file, fastPaths: true)
    }

    /// `fastPaths: false` keeps every regexp-type pattern on the general regexp engine (used to test the fast paths).
    package init(_ file: IgnoreFile, fastPaths: Bool) throws(IgnoreError) {
        self.file = file
        var compiled: [CompiledPattern] = []
        var exceptions: [Int] = []
        var pruning = true
        var prefixes: [[UInt8]] = []
        for (index, rule) in file.rules.enumerated() {
            var text = GoText.trimSpace((rule.isException ? [UInt8(ascii: "!")] : []) + rule.patternBytes)
            if text.isEmpty { continue }
            text = GoText.clean(text)
            var isException = false
            if text[0] == UInt8(ascii: "!") {
                if text.count == 1 {
                    throw IgnoreError(
                        code: .invalidExclusion, file: file.source, line: rule.line, pattern: rule.displayPattern,
                        dockerMessage: "illegal exclusion pattern: \"!\"")
                }
                isException = true
                text.removeFirst()
            }
            if FilepathMatchValidation.isBadPattern(text) {
                throw IgnoreError(
                    code: .invalidPattern, file: file.source, line: rule.line, pattern: rule.displayPattern,
                    dockerMessage: "syntax error in pattern")
            }
            precondition(index == compiled.count, "every rule yields one pattern")
            compiled.append(CompiledPattern(pattern: text, isException: isException, fastPaths: fastPaths))
            if isException {
                exceptions.append(index)
                prefixes.append(text + [UInt8(ascii: "/")])
                if Self.hasWildcard(text) { pruning = false }
            }
        }
        patterns = compiled
        exceptionIndices = exceptions
        pruningEnabled = pruning
        exceptionDirectoryPrefixes = prefixes
    }

    private static func hasWildcard(_ pattern: [UInt8]) -> Bool {
        var body = pattern[...]
        if body.hasSuffix("/**") {
            body = body.dropLast(3)
        } else if body.hasSuffix("/*") {
            body = body.dropLast(2)
        }
        return body.contains { "*?[]^\\".utf8.contains($0) }
    }

    /// Whether rule `index` (into `file.rules`) alone matches `path` itself, without its ancestors and without the
    /// other rules: one pattern's cost, as `scan --profile` replays it. An invalid pattern matches nothing.
    package func ruleMatches(_ index: Int, _ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let pattern = patterns[index]
        return !pattern.isInvalid && pattern.matches(path)
    }

    /// How many patterns use each kind of matcher.
    package var matcherKindCounts: [MatcherKind: Int] {
        patterns.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    private func matchError(_ index: Int) -> IgnoreError {
        let rule = file.rules[index]
        return IgnoreError(
            code: .matchError, file: file.source, line: rule.line, pattern: rule.displayPattern,
            dockerMessage: "syntax error in pattern")
    }

    @inline(__always)
    private func selfOrAncestorMatches(_ pattern: CompiledPattern, _ path: UnsafeBufferPointer<UInt8>) -> Bool {
        if pattern.matches(path) { return true }
        for k in 0..<path.count where path[k] == UInt8(ascii: "/") {
            if pattern.matches(UnsafeBufferPointer(rebasing: path[0..<k])) { return true }
        }
        return false
    }

    /// `MatchesOrParentMatches`: whether `path` or one of its ancestors is excluded, and which rule decided.
    package func excluded(_ path: UnsafeBufferPointer<UInt8>) throws(IgnoreError) -> Verdict {
        var matched = false
        var deciding: Int? = nil
        for (index, pattern) in patterns.enumerated() where pattern.isException == matched {
            if pattern.isInvalid { throw matchError(index) }
            if selfOrAncestorMatches(pattern, path) {
                matched = !pattern.isException
                deciding = index
            }
        }
        return Verdict(excluded: matched, decidingRule: deciding)
    }

    /// `MatchesOrParentMatches` for a `String` path.
    package func excluded(_ path: String) throws(IgnoreError) -> Verdict {
        try Self.withBytes(of: path) { bytes throws(IgnoreError) in try excluded(bytes) }
    }

    /// BuildKit's `MatchesUsingParentResults`: decides one walk entry from its parent directory's state.
    package func decide(
        _ path: UnsafeBufferPointer<UInt8>, isDirectory: Bool, parent: ParentMatches
    ) throws(IgnoreError) -> Decision {
        var state = ParentMatches(isRoot: false, excluded: false, patternCount: patterns.count)
        var matched = false
        var deciding: Int? = nil
        for (index, pattern) in patterns.enumerated() {
            var match = !parent.isRoot && parent.matched(index)
            if !match {
                if pattern.isException != matched { continue }
                if pattern.isInvalid { throw matchError(index) }
                match = parent.isRoot ? selfOrAncestorMatches(pattern, path) : pattern.matches(path)
            }
            if match {
                state.setMatched(index)
                matched = !pattern.isException
                deciding = index
            }
        }
        let prunes = isDirectory && matched && dockerPrunes(directory: path)
        return Decision(
            excluded: matched, decidingRule: deciding, state: state.with(excluded: matched), dockerPrunes: prunes)
    }

    /// `decide` for a `String` path.
    package func decide(_ path: String, isDirectory: Bool, parent: ParentMatches) throws(IgnoreError) -> Decision {
        try Self.withBytes(of: path) { bytes throws(IgnoreError) in
            try decide(bytes, isDirectory: isDirectory, parent: parent)
        }
    }

    /// docs/ignore-semantics.md §5: whether BuildKit skips this excluded directory (pruning on, and no exception `E` with
    /// `E + "/"` starting with `directory + "/"`).
    package func dockerPrunes(directory: UnsafeBufferPointer<UInt8>) -> Bool {
        pruningEnabled && exceptionsAllowPruning(directory: directory)
    }

    /// The second half of `dockerPrunes(directory:)`: no exception `E` has `E + "/"` starting with `directory + "/"`.
    /// An excluded directory for which this holds but `dockerPrunes` does not is walked only because a wildcard
    /// exception turned pruning off (`scan --profile`'s unprunable directories).
    package func exceptionsAllowPruning(directory: UnsafeBufferPointer<UInt8>) -> Bool {
        for prefix in exceptionDirectoryPrefixes
        where prefix.count > directory.count && prefix.starts(with: directory)
            && prefix[directory.count] == UInt8(ascii: "/")
        {
            return false
        }
        return true
    }

    /// `dockerPrunes(directory:)` for a `String` path.
    package func dockerPrunes(directory: String) -> Bool {
        var copy = directory
        return copy.withUTF8 { dockerPrunes(directory: $0) }
    }

    /// ctxtrim's proof that nothing strictly below the excluded `directory` can be sent, so a walker may skip it
    /// even where Docker walks in. `state` is the directory's own decision state.
    ///
    /// Holds when the directory is excluded and every exception did not match it, cannot raise a match-time error
    /// and cannot match any path starting with `directory + "/"`. Then entries below inherit the directory's
    /// exclusions and no exception can ever re-include one of them.
    package func nothingSentBelow(directory: UnsafeBufferPointer<UInt8>, state: ParentMatches) -> Bool {
        guard state.excluded, !state.isRoot else { return false }
        if exceptionIndices.isEmpty { return true }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: directory.count + 1) { buffer in
            _ = buffer.initialize(from: directory)
            buffer[directory.count] = UInt8(ascii: "/")
            let prefix = UnsafeBufferPointer(buffer)
            for index in exceptionIndices {
                if state.matched(index) || patterns[index].canMatchBelow(prefix) { return false }
            }
            return true
        }
    }

    /// `nothingSentBelow(directory:state:)` for a `String` path.
    package func nothingSentBelow(directory: String, state: ParentMatches) -> Bool {
        var copy = directory
        return copy.withUTF8 { nothingSentBelow(directory: $0, state: state) }
    }

    /// What BuildKit's walk does with a regular file at `path`: each ancestor is decided as a directory from its
    /// parent's state (pruned directories end the walk), then the file itself.
    package func sent(_ path: String) throws(IgnoreError) -> SendDecision {
        try Self.withBytes(of: path) { bytes throws(IgnoreError) -> SendDecision in
            var state = ParentMatches.root
            for k in 0..<bytes.count where bytes[k] == UInt8(ascii: "/") {
                let directory = UnsafeBufferPointer(rebasing: bytes[0..<k])
                let decision = try decide(directory, isDirectory: true, parent: state)
                if decision.dockerPrunes {
                    return SendDecision(
                        sent: false, decidingRule: decision.decidingRule,
                        prunedAt: LosslessUTF8.decode(directory))
                }
                state = decision.state
            }
            let decision = try decide(bytes, isDirectory: false, parent: state)
            return SendDecision(sent: !decision.excluded, decidingRule: decision.decidingRule, prunedAt: nil)
        }
    }
}

extension IgnoreMatcher {
    /// Runs `body` on the UTF-8 bytes of `path`, keeping the typed error.
    /// Calls `body` with the exact bytes `path` stands for (raw bytes of a non-UTF-8 name kept, ``LosslessUTF8``).
    fileprivate static func withBytes<T>(
        of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(IgnoreError) -> T
    ) throws(IgnoreError) -> T {
        if LosslessUTF8.holdsRawBytes(path) {
            let bytes = LosslessUTF8.encode(path)
            let result = bytes.withUnsafeBufferPointer { bytes -> Result<T, IgnoreError> in
                do throws(IgnoreError) { return .success(try body(bytes)) } catch { return .failure(error) }
            }
            return try result.get()
        }
        var copy = path
        let result = copy.withUTF8 { bytes -> Result<T, IgnoreError> in
            do throws(IgnoreError) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: String) -> Bool {
        count >= suffix.utf8.count && self.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}
