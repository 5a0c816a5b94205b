/// Untrusted text (file names, patterns, excerpts) made safe for a terminal, a log or plain-text output.
///
/// Control characters (C0, DEL, C1), which could move the cursor, rewrite a line or start an escape sequence, are
/// shown escaped: `\n`, `\r`, `\t`, `\e` or `\xNN`/`\u{NNNN}`. So are the bidirectional overrides that make text read in
/// another order than it is stored, and raw bytes of non-UTF-8 names (``LosslessUTF8``) as `\xNN`. Nothing an input
/// holds can therefore start a new line in the output: a workflow command such as `::error` can never begin one.
package enum TerminalText {
    /// `text` with every control, bidi-override and raw-byte scalar escaped.
    package static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: escaped(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether the scalar may not reach a terminal as it is.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true  // bidi controls
        case 0x2028, 0x2029: return true  // line and paragraph separators
        default: return LosslessUTF8.isReserved(scalar)
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        if let byte = LosslessUTF8.rawByte(scalar) { return "\\x" + hex(UInt32(byte), width: 2) }
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{1B}": return "\\e"
        default:
            return scalar.value < 0x100
                ? "\\x" + hex(scalar.value, width: 2) : "\\u{" + hex(scalar.value, width: 4) + "}"
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
