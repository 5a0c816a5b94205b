#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shape checks of the formats taken from the gitleaks and trufflehog catalogues: each gets the index of its
/// anchor and the index after it, and returns the index after the secret, or nil when the bytes are not one.
extension SecretBytes {
    /// Shannon entropy in bits per byte of the `length` bytes at `start` (gitleaks' `entropy` floor).
    func entropy(_ start: Int, _ length: Int) -> Double {
        guard length > 0 else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for index in start..<start + length { counts[Int(bytes[index])] += 1 }
        var bits = 0.0
        for count in counts where count > 0 {
            let share = Double(count) / Double(length)
            bits -= share * log2(share)
        }
        return bits
    }

    /// Whether `word` (lowercase) occurs, in any case, within `distance` bytes before or after `range`.
    func mentions(_ word: String, around range: Range<Int>, within distance: Int) -> Bool {
        let from = max(0, range.lowerBound - distance)
        let to = min(count, range.upperBound + distance)
        return containsIgnoringCase(word, from, to - from)
    }

    /// `sk-...T3BlbkFJ...` (legacy, `sk-proj-`, `sk-svcacct-`, `sk-admin-`): `T3BlbkFJ` is base64 of `OpenAI`.
    func openAIKey(_ start: Int, _ end: Int) -> Int? {
        let length = run(from: end, ByteClass.isTokenPart)
        guard startsWord(start), length >= 40, !isPlaceholder(end, length),
            containsIgnoringCase("t3blbkfj", end, length)
        else { return nil }
        // The marker is case-sensitive; the scan above is only a cheap filter.
        let marker = Array("T3BlbkFJ".utf8)
        guard (end...(end + length - marker.count)).contains(where: { hasPrefix(marker, at: $0) && bytes[$0] == 0x54 })
        else { return nil }
        return end + length
    }

    /// `AC` + 32 hex (an account SID) with `twilio` nearby and a 32-hex auth token beside it: the SID alone is an id.
    func twilioAccount(_ start: Int, _ end: Int) -> Int? {
        guard let sidEnd = token(start, end, exactLength: 32, ByteClass.isLowerHex),
            mentions("twilio", around: start..<sidEnd, within: 200)
        else { return nil }
        let from = max(0, start - 300)
        let to = min(count, sidEnd + 300)
        var index = from
        while index < to {
            let length = run(from: index, limit: 33, ByteClass.isLowerHex)
            if length == 32, index != end, startsWord(index), !ByteClass.isAlphanumeric(byte(at: index + 32) ?? 0),
                !isPlaceholder(index, 32)
            {
                return sidEnd
            }
            index += max(1, length)
        }
        return nil
    }

    /// `SG.` + 22 + `.` + 43 characters of `[A-Za-z0-9_-]`.
    func sendGridKey(_ start: Int, _ end: Int) -> Int? {
        let first = run(from: end, limit: 23, ByteClass.isTokenPart)
        guard startsWord(start), first == 22, byte(at: end + 22) == UInt8(ascii: ".") else { return nil }
        let second = run(from: end + 23, limit: 44, ByteClass.isTokenPart)
        guard second == 43, !isPlaceholder(end, 22), !isPlaceholder(end + 23, 43) else { return nil }
        return end + 23 + 43
    }

    /// `AccountKey=` + 86 to 88 base64 characters (a 64-byte key); Azurite's published development key is public.
    func azureAccountKey(afterAnchor end: Int) -> Int? {
        let length = run(from: end, limit: 89) { ByteClass.isBase64($0) || $0 == UInt8(ascii: "=") }
        guard (86...88).contains(length), !isPlaceholder(end, length),
            !hasPrefix(Array("Eby8vdM02xNOcqFl".utf8), at: end) || bytes[end] != UInt8(ascii: "E")
        else { return nil }
        return end + length
    }

    /// `scheme://user:password@host` with a password that is neither a stand-in (`${PASS}`, `<password>`, `%s`,
    /// `password`, `changeme`), nor the user name again (`postgres:postgres@`), nor a well-known default.
    func urlCredential(start: Int, afterAnchor end: Int) -> Int? {
        var schemeStart = start
        while let previous = byte(at: schemeStart - 1),
            ByteClass.isAlphanumeric(previous) || previous == UInt8(ascii: "+") || previous == UInt8(ascii: ".")
                || previous == UInt8(ascii: "-")
        {
            schemeStart -= 1
        }
        guard start - schemeStart >= 2, ByteClass.isUpper(bytes[schemeStart]) || ByteClass.isLower(bytes[schemeStart])
        else { return nil }
        let userLength = run(from: end, limit: 128, Self.isUserInfo)
        let colon = end + userLength
        guard byte(at: colon) == UInt8(ascii: ":") else { return nil }
        let passwordStart = colon + 1
        let passwordLength = run(from: passwordStart, limit: 128) {
            Self.isUserInfo($0) || $0 == UInt8(ascii: ":")
        }
        let at = passwordStart + passwordLength
        guard passwordLength >= 1, byte(at: at) == UInt8(ascii: "@"), let hostStart = byte(at: at + 1),
            ByteClass.isAlphanumeric(hostStart) || hostStart == UInt8(ascii: "[")
        else { return nil }
        let hostLength = run(from: at + 1, limit: 253) { ByteClass.isTokenPart($0) || $0 == UInt8(ascii: ".") }
        // A host without a dot (`db`, `localhost`, a compose service) or a loopback address is a container's own
        // development login, not an account someone can reach.
        let host = bytes[(at + 1)..<(at + 1 + hostLength)]
        guard host.contains(UInt8(ascii: ".")), !host.starts(with: Array("127.".utf8)),
            !host.elementsEqual(Array("0.0.0.0".utf8))
        else { return nil }
        guard !isStandIn(passwordStart, passwordLength),
            passwordLength != userLength || !bytes[end..<colon].elementsEqual(bytes[passwordStart..<at]),
            !containsIgnoringCase("example", at + 1, hostLength)
        else { return nil }
        return at
    }

    /// Bytes of a URL's user or password: printable, not `:`, `@`, `/`, a quote, a blank or `<>{}` template marks.
    private static func isUserInfo(_ byte: UInt8) -> Bool {
        ByteClass.isValuePart(byte) && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "@")
            && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "`") && byte != UInt8(ascii: "\\")
            && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
    }

    /// Whether a short free-form value (a password) is a stand-in: a variable or template, a word that names
    /// the field, a well-known default, or a placeholder.
    func isStandIn(_ start: Int, _ length: Int) -> Bool {
        guard length > 0 else { return true }
        let first = bytes[start]
        if [
            UInt8(ascii: "$"), UInt8(ascii: "<"), UInt8(ascii: "{"), UInt8(ascii: "%"), UInt8(ascii: "*"),
            UInt8(ascii: "["), UInt8(ascii: "("),
        ].contains(first) {
            return true
        }
        let text = String(decoding: bytes[start..<start + length], as: UTF8.self).lowercased()
        if Self.defaultPasswords.contains(text) { return true }
        if ["passw", "secret", "token", "changeit"].contains(where: { text.contains($0) }) { return true }
        return length < 4 || isPlaceholder(start, length)
    }

    private static let defaultPasswords: Set<String> = [
        "pass", "pwd", "root", "admin", "administrator", "postgres", "mysql", "mariadb", "guest", "test", "testing",
        "user", "username", "redis", "rabbitmq", "mongo", "mongodb", "demo", "dev", "default", "foo", "bar", "foobar",
        "sa", "oracle", "letmein", "qwerty", "12345", "123456", "1234", "none", "null", "nil", "empty", "pw",
        "docker", "local", "localhost", "sample",
    ]

    /// `client-key-data: <base64 of a PEM key>` anywhere, or `token: <value>` in a kubeconfig (`kind: Config`).
    mutating func kubeconfigCredential(start: Int, afterAnchor end: Int) -> Int? {
        if bytes[start] == UInt8(ascii: "c") {
            guard let valueStart = assignedValueStart(afterKey: end) else { return nil }
            let length = run(from: valueStart, limit: 1 << 16) { ByteClass.isBase64($0) || $0 == UInt8(ascii: "=") }
            // `LS0t` is base64 of `---`: the value encodes a PEM block.
            guard length >= 64, hasPrefix(Array("LS0t".utf8), at: valueStart), bytes[valueStart] == 0x4C else {
                return nil
            }
            return valueStart + length
        }
        let previous = byte(at: start - 1)
        guard previous == nil || previous == UInt8(ascii: "\n") || previous.map(ByteClass.isBlank) == true else {
            return nil
        }
        if isKubeconfig == nil { isKubeconfig = contains("kind: Config") && contains("users:") }
        guard isKubeconfig == true else { return nil }
        var index = end + run(from: end, ByteClass.isBlank)
        if byte(at: index) == UInt8(ascii: "\"") || byte(at: index) == UInt8(ascii: "'") { index += 1 }
        let length = run(from: index) {
            ByteClass.isTokenPart($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "~")
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "=")
        }
        guard length >= 20, !isPlaceholder(index, length), entropy(index, length) >= 3.0 else { return nil }
        return index + length
    }

    /// Whether `text` occurs anywhere in the file.
    func contains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] && hasPrefix(needle, at: start) {
            return true
        }
        return false
    }

    /// The index where the value of `key: value`, `key = value` or `"key": "value"` starts, after the key's end.
    func assignedValueStart(afterKey end: Int) -> Int? {
        var index = end
        var sawAssignment = false
        while let byte = byte(at: index), index - end < 8, ByteClass.isAssignmentPunctuation(byte) {
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") { sawAssignment = true }
            index += 1
        }
        return sawAssignment ? index : nil
    }

    /// `"auth": "<base64 of user:password>"`, as `docker login` writes it under `auths` in `config.json`.
    func dockerAuth(afterAnchor end: Int) -> Int? {
        guard let valueStart = assignedValueStart(afterKey: end), byte(at: valueStart - 1) == UInt8(ascii: "\"")
        else { return nil }
        let length = run(from: valueStart, limit: 1024) { ByteClass.isBase64($0) || $0 == UInt8(ascii: "=") }
        guard length >= 8, byte(at: valueStart + length) == UInt8(ascii: "\""),
            let decoded = Self.decodeBase64(bytes[valueStart..<valueStart + length]),
            let colon = decoded.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < decoded.count - 1
        else { return nil }
        let password = Array(decoded[(colon + 1)...])
        let isStandIn = password.withUnsafeBufferPointer { SecretBytes(bytes: $0).isStandIn(0, $0.count) }
        return isStandIn ? nil : valueStart + length
    }

    /// Standard base64 (padding optional) to bytes, or nil when the text is not base64.
    static func decodeBase64(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8]? {
        var result: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in text {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return result
    }

    /// `machine <host> [login <user>] password <value>` of a `.netrc`, on one line or several.
    func netrcPassword(start: Int, afterAnchor end: Int) -> Int? {
        let previous = byte(at: start - 1)
        guard previous == nil || previous == UInt8(ascii: "\n") || previous.map(ByteClass.isBlank) == true,
            let host = byte(at: end), ByteClass.isAlphanumeric(host)
        else { return nil }
        let keyword = Array("password".utf8)
        let machine = Array("machine ".utf8)
        let limit = min(count, end + 400)
        var index = end
        while index < limit {
            if bytes[index] == machine[0], hasPrefix(machine, at: index) { return nil }
            if bytes[index] == keyword[0], hasPrefix(keyword, at: index),
                let before = byte(at: index - 1), before == 10 || ByteClass.isBlank(before),
                let after = byte(at: index + keyword.count), ByteClass.isBlank(after)
            {
                let valueStart = index + keyword.count + run(from: index + keyword.count, ByteClass.isBlank)
                let length = run(from: valueStart) { $0 > 0x20 && $0 != 0x7F }
                return isStandIn(valueStart, length) ? nil : valueStart + length
            }
            index += 1
        }
        return nil
    }

    /// `HRKU-AA` + 58 characters, or `heroku` + a short key name + an assignment + a UUID (gitleaks' `heroku-api-key`).
    func herokuKey(_ start: Int, _ end: Int) -> Int? {
        if bytes[start] == UInt8(ascii: "H") && bytes[start + 1] == UInt8(ascii: "R") {
            let length = run(from: end, limit: 61, ByteClass.isTokenPart)
            guard startsWord(start), length == 60, hasPrefix([0x41, 0x41], at: end), bytes[end] == 0x41,
                !isPlaceholder(end, length), entropy(end, length) >= 3.5
            else { return nil }
            return end + length
        }
        let nameLength = run(from: end, limit: 25) {
            ByteClass.isTokenPart($0) || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ".")
        }
        // `HEROKU_APP_ID = <uuid>` names an app, not a key.
        let name = String(decoding: bytes[end..<end + nameLength], as: UTF8.self).lowercased()
        if name.hasSuffix("id") || name.hasSuffix("id ") || name.contains("app") { return nil }
        var index = end + nameLength
        let assignment = run(from: index, limit: 3) {
            $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ">")
        }
        guard assignment > 0 else { return nil }
        index += assignment
        index += run(from: index, limit: 5) {
            ByteClass.isBlank($0) || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }
        guard let uuidEnd = uuid(at: index), !isPlaceholder(index, 36) else { return nil }
        return uuidEnd
    }

    /// The index after an 8-4-4-4-12 hex UUID at `index`, or nil.
    func uuid(at index: Int) -> Int? {
        var cursor = index
        for (position, length) in [8, 4, 4, 4, 12].enumerated() {
            guard run(from: cursor, limit: length + 1, ByteClass.isHex) == length else { return nil }
            cursor += length
            if position < 4 {
                guard byte(at: cursor) == UInt8(ascii: "-") else { return nil }
                cursor += 1
            }
        }
        return ByteClass.isAlphanumeric(byte(at: cursor) ?? 0) ? nil : cursor
    }

    /// `eyJ<header>.eyJ<payload>.<signature>`: a signed JWT. Public ones are not secrets: Supabase's `anon` key (its
    /// payload says `"role":"anon"`) and jwt.io's sample token (`John Doe`).
    func jsonWebToken(_ start: Int, _ end: Int) -> Int? {
        guard startsWord(start) || byte(at: start - 1) == UInt8(ascii: "_") else { return nil }
        let header = run(from: start, limit: 4096, ByteClass.isBase64URL)
        let payloadStart = start + header + 1
        guard header >= 10, byte(at: start + header) == UInt8(ascii: "."),
            hasPrefix(Array("eyJ".utf8), at: payloadStart), bytes[payloadStart] == UInt8(ascii: "e")
        else { return nil }
        let payload = run(from: payloadStart, limit: 1 << 14, ByteClass.isBase64URL)
        let signatureStart = payloadStart + payload + 1
        guard payload >= 10, byte(at: payloadStart + payload) == UInt8(ascii: ".") else { return nil }
        let signature = run(from: signatureStart, limit: 1024, ByteClass.isBase64URL)
        guard signature >= 16, !isPlaceholder(signatureStart, signature), !isPlaceholder(payloadStart, payload),
            let claims = Self.decodeBase64(bytes[payloadStart..<payloadStart + payload])
        else { return nil }
        let text = String(decoding: claims, as: UTF8.self).filter { $0 != " " }
        if text.contains("\"role\":\"anon\"") || text.contains("\"name\":\"JohnDoe\"") { return nil }
        return signatureStart + signature
    }

    /// `"private_key": "<base64>"` without a PEM header (one with a header is a `privateKey`).
    func jsonPrivateKey(afterAnchor end: Int) -> Int? {
        guard let valueStart = assignedValueStart(afterKey: end), byte(at: valueStart - 1) == UInt8(ascii: "\"")
        else { return nil }
        let length = run(from: valueStart, limit: 1 << 14) { ByteClass.isBase64($0) || $0 == UInt8(ascii: "=") }
        guard length >= 64, byte(at: valueStart + length) == UInt8(ascii: "\""), !isPlaceholder(valueStart, length)
        else { return nil }
        return valueStart + length
    }
}

extension SecretScanner {
    /// `password = value` / `password: value` lines of a credentials file (`.pypirc`), whose key alone is too
    /// common in code to anchor on anywhere else.
    package func configPasswords(_ content: [UInt8]) -> [SecretMatch] {
        content.withUnsafeBufferPointer { buffer in
            let view = SecretBytes(bytes: buffer)
            let key = Array("password".utf8)
            var matches: [SecretMatch] = []
            var line = 1
            var lineStart = 0
            while lineStart < buffer.count {
                var index = lineStart + view.run(from: lineStart, ByteClass.isBlank)
                if view.hasPrefix(key, at: index), buffer[index] == key[0] {
                    index += key.count
                    index += view.run(from: index, ByteClass.isBlank)
                    if let separator = view.byte(at: index),
                        separator == UInt8(ascii: "=") || separator == UInt8(ascii: ":")
                    {
                        let valueStart = index + 1 + view.run(from: index + 1, ByteClass.isBlank)
                        let length = view.run(from: valueStart) { $0 > 0x20 && $0 != 0x7F }
                        if !view.isStandIn(valueStart, length) {
                            matches.append(SecretMatch(kind: .configPassword, line: line, hint: ""))
                        }
                    }
                }
                let end = (lineStart..<buffer.count).first { buffer[$0] == 10 } ?? buffer.count
                lineStart = end + 1
                line += 1
            }
            return matches
        }
    }
}
