/// ASCII byte classes for the secret scanner.
enum ByteClass {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) || isLower(byte) }
    static func isUpperOrDigit(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) }
    /// Letters, digits and `_`.
    static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
    /// Letters, digits, `_` and `-`: the alphabet of most vendor tokens.
    static func isTokenPart(_ byte: UInt8) -> Bool { isWord(byte) || byte == UInt8(ascii: "-") }
    static func isBase64(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
    }
    static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
    static func isLowerHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= 0x61 && byte <= 0x66) }
    /// The URL-safe base64 alphabet (letters, digits, `-`, `_`) of JWT segments.
    static func isBase64URL(_ byte: UInt8) -> Bool { isTokenPart(byte) }
    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    /// Spaces, quotes, `=` and `:` between a key and its value.
    static func isAssignmentPunctuation(_ byte: UInt8) -> Bool {
        isBlank(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
    /// Any printable byte that can be part of an unquoted config value.
    static func isValuePart(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
            && byte != UInt8(ascii: "#") && byte != UInt8(ascii: ";")
    }
    /// Lowercase letters, `_` and `.`: what a variable name in code looks like.
    static func isLowercaseIdentifier(_ byte: UInt8) -> Bool {
        isLower(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
    static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 0x20 : byte }
}
