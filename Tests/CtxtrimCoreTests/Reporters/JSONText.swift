import Foundation

@testable import CtxtrimCore

/// Rendered reports read back into `JSONValue` with `JSONSerialization`, so schemas check the text itself.
///
/// Numbers keep the distinction the schema's `integer` needs: written without a fraction or exponent and within
/// Int64 they become `.int`, others `.double`.
///
/// JSONSerialization on Linux accepts a trailing comma (`[1,]`), which no other JSON reader does, so the one check
/// kept from the hand-written parser this replaced refuses it. A repeated key is not detected (JSONSerialization keeps
/// the last); ctxtrim cannot write one, since every object it renders is a `JSONValue.object` dictionary.
enum JSONText {
    struct ParseError: Error, CustomStringConvertible {
        let reason: String
        var description: String { "JSON parse error: \(reason)" }
    }

    static func parse(_ text: String) throws -> JSONValue {
        if let offset = trailingComma(in: text) { throw ParseError(reason: "trailing comma at byte \(offset)") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ParseError(reason: "\(error)")
        }
        return try value(object)
    }

    /// The offset of a `,` that only whitespace separates from the `]` or `}` after it, outside strings.
    static func trailingComma(in text: String) -> Int? {
        var inString = false
        var escaped = false
        var comma: Int?
        for (offset, byte) in text.utf8.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                comma = nil
            case UInt8(ascii: ","): comma = offset
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let comma { return comma }
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: comma = nil
            }
        }
        return nil
    }

    private static func value(_ object: Any) throws -> JSONValue {
        switch object {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let array as [Any]: return .array(try array.map(value))
        case let members as [String: Any]: return .object(try members.mapValues(value))
        case let number as NSNumber:
            // The Objective-C type code says how the text was written: `c` true/false, `d` a fraction or exponent,
            // `Q` an integer beyond Int64.
            switch String(cString: number.objCType) {
            case "c": return .bool(number.boolValue)
            case "d", "f", "Q": return .double(number.doubleValue)
            default: return .int(number.int64Value)
            }
        default: throw ParseError(reason: "unexpected \(type(of: object))")
        }
    }
}
