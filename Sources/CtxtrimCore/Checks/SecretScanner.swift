/// Finds secrets in a file's bytes in one pass, without regular expressions.
///
/// A 256-entry table says which bytes can start an anchor (`ghp_`, `AKIA`, `-----BEGIN `, `://`, ...); only at those
/// bytes are anchors compared, and only after an anchor matches does the kind's shape check read on. Shape checks
/// reject placeholders: too few distinct characters (`xxxx`, `0000`), `example`, `changeme`, `your-...-here`,
/// `${VAR}`, `$VAR`, `{{ .x }}`, `<your-token>`, and AWS's documented example keys, which end in `EXAMPLE`. Formats
/// too generic alone need a keyword nearby (Twilio, Heroku) or a file context (a kubeconfig's `token:`), and the
/// long random ones an entropy floor, as the gitleaks and trufflehog catalogues do.
package struct SecretScanner: Sendable {
    private struct Anchor: Sendable {
        let bytes: [UInt8]
        let text: String
        let kind: SecretKind
    }

    /// The anchors by their first two bytes: `slots[slotOfPair[first << 8 | second]]`, slot 0 empty. Every anchor
    /// has at least two bytes, so `e` alone (of `eyJ`) or `t` (of `token:`) costs one table read, not a compare.
    private let slots: [[Anchor]]
    private let slotOfPair: [UInt8]
    /// Whether a byte starts any anchor: the hot loop reads only this 256-entry table for most bytes.
    private let startsAnchor: [Bool]

    package init() {
        var slots: [[Anchor]] = [[]]
        var slotOfPair = [UInt8](repeating: 0, count: 1 << 16)
        var startsAnchor = [Bool](repeating: false, count: 256)
        for kind in SecretKind.allCases {
            for text in kind.anchors {
                let bytes = Array(text.utf8)
                precondition(bytes.count >= 2, "an anchor needs two bytes")
                let pair = Int(bytes[0]) << 8 | Int(bytes[1])
                if slotOfPair[pair] == 0 {
                    slotOfPair[pair] = UInt8(slots.count)
                    slots.append([])
                }
                slots[Int(slotOfPair[pair])].append(Anchor(bytes: bytes, text: text, kind: kind))
                startsAnchor[Int(bytes[0])] = true
            }
        }
        // A longer anchor is more specific: `sk-ant-` is tried before `sk-`, `ACCA` before `AC`.
        self.slots = slots.map { slot in slot.sorted { $0.bytes.count > $1.bytes.count } }
        self.slotOfPair = slotOfPair
        self.startsAnchor = startsAnchor
    }

    /// Every secret in `content`, in file order.
    package func scan(_ content: [UInt8]) -> [SecretMatch] {
        content.withUnsafeBufferPointer { bytes in
            startsAnchor.withUnsafeBufferPointer { starts in
                slotOfPair.withUnsafeBufferPointer { pairs in
                    scan(SecretBytes(bytes: bytes), startsAnchor: starts, slotOfPair: pairs)
                }
            }
        }
    }

    private func scan(
        _ view: SecretBytes, startsAnchor: UnsafeBufferPointer<Bool>, slotOfPair: UnsafeBufferPointer<UInt8>
    ) -> [SecretMatch] {
        var view = view
        var matches: [SecretMatch] = []
        var line = 1
        var index = 0
        let count = view.count
        while index < count {
            let byte = view[index]
            guard startsAnchor[Int(byte)], index + 1 < count else {
                if byte == UInt8(ascii: "\n") { line += 1 }
                index += 1
                continue
            }
            let slot = slotOfPair[Int(byte) << 8 | Int(view[index + 1])]
            guard slot != 0 else {
                index += 1
                continue
            }
            var next = index + 1
            for anchor in slots[Int(slot)] where view.hasPrefix(anchor.bytes, at: index) {
                guard let end = view.validate(anchor.kind, start: index, afterAnchor: index + anchor.bytes.count)
                else { continue }
                matches.append(
                    SecretMatch(kind: anchor.kind, line: line, hint: anchor.kind.redactedHint(anchor: anchor.text)))
                next = max(next, end)
                break
            }
            line += view.newlines(in: index + 1..<next)
            index = next
        }
        return matches
    }
}

/// Bounds-checked reads and the shape checks of each secret kind over one file's bytes (the formats added from the
/// gitleaks and trufflehog catalogues are in `SecretScanner+Formats.swift`).
struct SecretBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the file is a kubeconfig (`kind: Config`), computed at the first `token:` that needs it.
    var isKubeconfig: Bool?
    var count: Int { bytes.count }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    subscript(index: Int) -> UInt8 { bytes[index] }

    func byte(at index: Int) -> UInt8? { index >= 0 && index < bytes.count ? bytes[index] : nil }

    func hasPrefix(_ literal: [UInt8], at index: Int) -> Bool {
        guard index + literal.count <= bytes.count else { return false }
        for offset in 1..<literal.count where bytes[index + offset] != literal[offset] { return false }
        return true
    }

    func newlines(in range: Range<Int>) -> Int {
        var lines = 0
        for index in range where bytes[index] == UInt8(ascii: "\n") { lines += 1 }
        return lines
    }

    /// The length of the run of bytes from `start` satisfying `isPart`, up to `limit`.
    func run(from start: Int, limit: Int = 512, _ isPart: (UInt8) -> Bool) -> Int {
        var end = start
        while end < bytes.count, end - start < limit, isPart(bytes[end]) { end += 1 }
        return end - start
    }

    /// Whether the byte before `start` cannot continue a word, so the anchor starts a token.
    func startsWord(_ start: Int) -> Bool {
        guard let previous = byte(at: start - 1) else { return true }
        return !ByteClass.isWord(previous)
    }

    /// Whether the `length` bytes at `start` look like a stand-in rather than a real value.
    func isPlaceholder(_ start: Int, _ length: Int) -> Bool {
        var seen = [Bool](repeating: false, count: 256)
        var distinct = 0
        for index in start..<start + length where !seen[Int(bytes[index])] {
            seen[Int(bytes[index])] = true
            distinct += 1
        }
        // A quarter of the length, at most 12: a random 64-digit hex token can miss a few of its 16 digits.
        if distinct < min(max(4, length / 4), 12) { return true }
        return Self.placeholderWords.contains { containsIgnoringCase($0, start, length) }
    }

    private static let placeholderWords = ["xxxx", "example", "your", "changeme", "placeholder", "redacted", "dummy"]

    func containsIgnoringCase(_ word: String, _ start: Int, _ length: Int) -> Bool {
        let needle = Array(word.utf8)
        guard length >= needle.count else { return false }
        outer: for candidate in start...(start + length - needle.count) {
            for (offset, expected) in needle.enumerated()
            where ByteClass.lowercased(bytes[candidate + offset]) != expected {
                continue outer
            }
            return true
        }
        return false
    }

    /// The index after the secret when the bytes around the anchor have the shape of `kind`, else nil.
    mutating func validate(_ kind: SecretKind, start: Int, afterAnchor end: Int) -> Int? {
        switch kind {
        case .privateKey: return privateKeyBlock(afterAnchor: end)
        case .awsAccessKeyID:
            guard startsWord(start), run(from: end, limit: 17, ByteClass.isUpperOrDigit) == 16,
                !ByteClass.isAlphanumeric(byte(at: end + 16) ?? 0), !endsWithExample(end + 16), !isPlaceholder(end, 16)
            else { return nil }
            return end + 16
        case .awsSecretAccessKey: return assignedValue(afterKey: end, minimumLength: 40, ByteClass.isBase64)
        case .gitHubToken: return token(start, end, minimumLength: 36, ByteClass.isAlphanumeric)
        case .gitHubFineGrainedToken: return token(start, end, minimumLength: 60, ByteClass.isWord)
        case .gitLabToken: return token(start, end, minimumLength: 20, ByteClass.isTokenPart)
        case .stripeLiveKey: return token(start, end, minimumLength: 20, ByteClass.isAlphanumeric)
        case .pyPIToken: return token(start, end, minimumLength: 50, ByteClass.isTokenPart)
        case .npmToken:
            guard let tokenEnd = token(start, end, minimumLength: 36, ByteClass.isAlphanumeric), tokenEnd - end == 36
            else { return nil }
            return tokenEnd
        case .slackToken:
            guard let tokenEnd = token(start, end, minimumLength: 20, ByteClass.isTokenPart),
                longestDigitRun(end, tokenEnd) >= 8
            else { return nil }
            return tokenEnd
        case .slackWebhook: return slackWebhook(afterAnchor: end)
        case .npmRegistryCredential: return npmCredential(start: start, afterAnchor: end)
        case .googleServiceAccount: return serviceAccountType(start: start, afterAnchor: end)
        case .openAIKey: return openAIKey(start, end)
        case .anthropicKey: return token(start, end, minimumLength: 90, ByteClass.isTokenPart)
        case .googleAPIKey: return token(start, end, exactLength: 35, ByteClass.isTokenPart)
        case .twilioAPIKey:
            guard let tokenEnd = token(start, end, exactLength: 32, ByteClass.isHex),
                mentions("twilio", around: start..<tokenEnd, within: 200)
            else { return nil }
            return tokenEnd
        case .twilioAccountCredentials: return twilioAccount(start, end)
        case .sendGridKey: return sendGridKey(start, end)
        case .azureStorageKey: return azureAccountKey(afterAnchor: end)
        case .urlCredential: return urlCredential(start: start, afterAnchor: end)
        case .kubeconfigCredential: return kubeconfigCredential(start: start, afterAnchor: end)
        case .dockerAuth: return dockerAuth(afterAnchor: end)
        case .netrcPassword: return netrcPassword(start: start, afterAnchor: end)
        case .configPassword: return nil
        case .vaultToken:
            let range = bytes[start + 2] == UInt8(ascii: "s") ? 90...120 : 138...300
            let length = run(from: end, limit: 301, ByteClass.isTokenPart)
            guard startsWord(start), range.contains(length), !isPlaceholder(end, length), entropy(end, length) >= 3.5
            else { return nil }
            return end + length
        case .digitalOceanToken: return token(start, end, exactLength: 64, ByteClass.isLowerHex)
        case .shopifyToken: return token(start, end, exactLength: 32, ByteClass.isHex)
        case .herokuAPIKey: return herokuKey(start, end)
        case .jsonWebToken: return jsonWebToken(start, end)
        case .jsonPrivateKey: return jsonPrivateKey(afterAnchor: end)
        }
    }

    /// A token of exactly `exactLength` bytes of `isPart` after the anchor, not continued by a letter or digit.
    func token(_ start: Int, _ end: Int, exactLength: Int, _ isPart: (UInt8) -> Bool) -> Int? {
        let length = run(from: end, limit: exactLength + 1, isPart)
        guard startsWord(start), length == exactLength, !ByteClass.isAlphanumeric(byte(at: end + length) ?? 0),
            !isPlaceholder(end, length)
        else { return nil }
        return end + length
    }

    private func token(_ start: Int, _ end: Int, minimumLength: Int, _ isPart: (UInt8) -> Bool) -> Int? {
        let length = run(from: end, isPart)
        guard startsWord(start), length >= minimumLength, !isPlaceholder(end, length) else { return nil }
        return end + length
    }

    private func endsWithExample(_ end: Int) -> Bool {
        let suffix = Array("EXAMPLE".utf8)
        return end >= suffix.count && hasPrefix(suffix, at: end - suffix.count)
            && bytes[end - suffix.count] == suffix[0]
    }

    private func longestDigitRun(_ start: Int, _ end: Int) -> Int {
        var longest = 0
        var current = 0
        for index in start..<end {
            current = ByteClass.isDigit(bytes[index]) ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// `-----BEGIN <label> PRIVATE KEY-----` followed by a real base64 body (not `...` or `<key>`).
    private func privateKeyBlock(afterAnchor end: Int) -> Int? {
        let labelLength = run(from: end, limit: 48) { ByteClass.isUpperOrDigit($0) || $0 == UInt8(ascii: " ") }
        let label = String(decoding: bytes[end..<end + labelLength], as: UTF8.self)
        guard label.hasSuffix("PRIVATE KEY") || label.hasSuffix("PRIVATE KEY BLOCK"),
            hasPrefix(Array("-----".utf8), at: end + labelLength), bytes[end + labelLength] == UInt8(ascii: "-")
        else { return nil }
        var index = end + labelLength + 5
        index = skipLineBreaks(from: index)
        // Encrypted PEM keys carry `Proc-Type:`/`DEK-Info:` header lines before the body.
        while let colon = headerLineColon(from: index) {
            index = skipLineBreaks(from: lineEnd(from: colon))
        }
        // The body is base64 broken into lines: count it until the first byte that is neither base64 nor a line
        // break (a literal or a JSON-escaped one). Source code that merely names the header stops at once.
        var base64 = 0
        var seen = Set<UInt8>()
        let limit = min(bytes.count, index + 400)
        while index < limit {
            let byte = bytes[index]
            if ByteClass.isBase64(byte) {
                base64 += 1
                seen.insert(byte)
                index += 1
            } else if byte == 10 || byte == 13 {
                index += 1
            } else if byte == UInt8(ascii: "\\"), self.byte(at: index + 1) == UInt8(ascii: "n") {
                index += 2
            } else {
                break
            }
        }
        return base64 >= 64 && seen.count >= 16 ? min(index, bytes.count) : nil
    }

    /// The index after any run of line breaks (literal or JSON-escaped) and blanks starting at `index`.
    private func skipLineBreaks(from index: Int) -> Int {
        var index = index
        while let byte = byte(at: index) {
            if byte == 10 || byte == 13 || ByteClass.isBlank(byte) {
                index += 1
            } else if byte == UInt8(ascii: "\\"), self.byte(at: index + 1) == UInt8(ascii: "n") {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// For a PEM header line such as `Proc-Type: 4,ENCRYPTED` starting at `index`: the index of its colon.
    private func headerLineColon(from index: Int) -> Int? {
        var cursor = index
        while let byte = byte(at: cursor), ByteClass.isAlphanumeric(byte) || byte == UInt8(ascii: "-") { cursor += 1 }
        guard cursor > index, byte(at: cursor) == UInt8(ascii: ":"), byte(at: cursor + 1) == UInt8(ascii: " ") else {
            return nil
        }
        return cursor
    }

    /// The index of the end of the line containing `index` (a literal or JSON-escaped line break).
    private func lineEnd(from index: Int) -> Int {
        var cursor = index
        while let byte = byte(at: cursor), byte != 10, byte != 13,
            !(byte == UInt8(ascii: "\\") && self.byte(at: cursor + 1) == UInt8(ascii: "n"))
        {
            cursor += 1
        }
        return cursor
    }

    /// `key = value` or `"key": "value"` with a value of `minimumLength` bytes that is not a placeholder.
    private func assignedValue(afterKey end: Int, minimumLength: Int, _ isPart: (UInt8) -> Bool) -> Int? {
        var index = end
        var sawAssignment = false
        while let byte = byte(at: index), index - end < 8, ByteClass.isAssignmentPunctuation(byte) {
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") { sawAssignment = true }
            index += 1
        }
        let length = run(from: index, isPart)
        guard sawAssignment, length == minimumLength, !isPlaceholder(index, length) else { return nil }
        return index + length
    }

    /// `.npmrc` credentials: `//host/:_authToken=value`, `_auth=value`, `_password=value`, at a line start or after `:`.
    private func npmCredential(start: Int, afterAnchor end: Int) -> Int? {
        let previous = byte(at: start - 1)
        guard previous == nil || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "\n") else { return nil }
        var index = end + run(from: end, ByteClass.isBlank)
        guard byte(at: index) == UInt8(ascii: "=") else { return nil }
        index += 1
        index += run(from: index) { ByteClass.isBlank($0) || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
        let length = run(from: index, ByteClass.isValuePart)
        guard length >= 8, let first = byte(at: index),
            first != UInt8(ascii: "$"), first != UInt8(ascii: "<"), first != UInt8(ascii: "{"),
            first != UInt8(ascii: "%"), !isPlaceholder(index, length),
            !(index..<index + length).allSatisfy({ ByteClass.isLowercaseIdentifier(bytes[$0]) })
        else { return nil }
        return index + length
    }

    /// `https://hooks.slack.com/services/T.../B.../secret`.
    private func slackWebhook(afterAnchor end: Int) -> Int? {
        var index = end
        for prefix in [UInt8(ascii: "T"), UInt8(ascii: "B")] {
            guard byte(at: index) == prefix else { return nil }
            let length = run(from: index, ByteClass.isUpperOrDigit)
            guard length >= 7, byte(at: index + length) == UInt8(ascii: "/") else { return nil }
            index += length + 1
        }
        let length = run(from: index, ByteClass.isAlphanumeric)
        guard length >= 20, !isPlaceholder(index, length) else { return nil }
        return index + length
    }

    /// `"type": "service_account"` in a JSON file that also has a `"private_key"`.
    private func serviceAccountType(start: Int, afterAnchor end: Int) -> Int? {
        var index = start - 1
        while let byte = byte(at: index), ByteClass.isBlank(byte) { index -= 1 }
        guard byte(at: index) == UInt8(ascii: ":") else { return nil }
        index -= 1
        while let byte = byte(at: index), ByteClass.isBlank(byte) { index -= 1 }
        let key = Array("\"type\"".utf8)
        guard index - key.count + 1 >= 0, hasPrefix(key, at: index - key.count + 1),
            bytes[index - key.count + 1] == key[0], hasPrivateKeyValue()
        else { return nil }
        return end
    }

    /// Whether the `private_key` member holds a PEM block (its string value starts with five dashes and BEGIN), as
    /// in a real key file rather than code or documentation that names the fields.
    private func hasPrivateKeyValue() -> Bool {
        let key = Array("\"private_key\"".utf8)
        let value = Array("\"-----BEGIN".utf8)
        guard bytes.count >= key.count else { return false }
        for start in 0...(bytes.count - key.count) where bytes[start] == key[0] && hasPrefix(key, at: start) {
            var index = start + key.count
            while let byte = byte(at: index), ByteClass.isBlank(byte) { index += 1 }
            guard byte(at: index) == UInt8(ascii: ":") else { continue }
            index += 1
            while let byte = byte(at: index), ByteClass.isBlank(byte) { index += 1 }
            if hasPrefix(value, at: index) { return true }
        }
        return false
    }
}
