/// Carries arbitrary bytes (file names are not always UTF-8) in a Swift `String` and back, without loss.
///
/// Valid UTF-8 stays as it is. Every other byte, and every byte of a valid sequence for a scalar in the reserved range
/// U+10FF00...U+10FFFF, becomes the scalar U+10FF00 + byte. Decoding then encoding gives back the same bytes for any
/// input, so a path can travel through the core as a `String` and still open the file it names. Displays show a
/// reserved scalar as `\xNN` (``TerminalText``); JSON carries such paths in a base64 `pathBytes` field.
package enum LosslessUTF8 {
    /// The first of the 256 scalars that stand for raw bytes.
    static let reservedBase: UInt32 = 0x10_FF00

    /// The bytes as a string: UTF-8 where valid, one reserved scalar per other byte.
    package static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String { decoding(bytes) }

    /// ``decode(_:)`` of a buffer, as the walker hands out paths: specialized in this module, since the generic entry
    /// point runs unspecialized when called from another one (thousands of instructions a path).
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String { decoding(bytes) }

    private static func decoding<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        // Reserved scalars are encoded with a 0xF4 lead byte: without one, valid UTF-8 is kept as it is.
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let valid = String(validating: bytes, as: UTF8.self),
            !bytes.contains(0xF4) || !valid.unicodeScalars.contains(where: isReserved)
        {
            return valid
        }
        var scalars = String.UnicodeScalarView()
        let array = Array(bytes)
        var index = 0
        while index < array.count {
            if let (scalar, length) = decodeScalar(array, at: index), !isReserved(scalar) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(reservedBase + UInt32(array[index]))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The exact bytes a string made by ``decode(_:)`` stands for.
    package static func encode(_ text: String) -> [UInt8] {
        guard text.unicodeScalars.contains(where: isReserved) else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isReserved(scalar) {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value - reservedBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Whether the string stands for bytes that are not valid UTF-8 (it holds a reserved scalar).
    package static func holdsRawBytes(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isReserved)
    }

    /// The raw byte a reserved scalar stands for, or nil for an ordinary scalar.
    package static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
        isReserved(scalar) ? UInt8(truncatingIfNeeded: scalar.value - reservedBase) : nil
    }

    /// The text as valid UTF-8 for people, raw bytes replaced by U+FFFD (the `path` field beside `pathBytes`).
    package static func lossy(_ text: String) -> String {
        guard holdsRawBytes(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isReserved($0) ? "\u{FFFD}" : $0 }))
    }

    /// How many characters Go's `utf8.DecodeRune` reads in `bytes`: a well-formed sequence is one, every other byte
    /// one (`RuneError`). Go's regexp matches path text character by character this way.
    package static func goRuneCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            index += decodeScalar(bytes, at: index)?.1 ?? 1
            count += 1
        }
        return count
    }

    static func isReserved(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= reservedBase }

    /// One well-formed UTF-8 scalar at `index` (shortest form, no surrogates), with its length.
    private static func decodeScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x1_0000, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
