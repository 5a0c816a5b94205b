/// A file name made into a GNU make prerequisite that names exactly that file: space, `#`, `:`, `*`, `?`, `[` and `]`
/// escaped with a backslash, `$` doubled (for a `:=` variable, expanded once), any other byte as it is, so names that
/// are not UTF-8 stay exact.
///
/// What make cannot hold in a name is refused (nil): a control character (tab and newline among them), `;` (which
/// starts a recipe on a rule line, escaped or not) and a backslash that ends the name or precedes a character it
/// would escape. Checked against GNU make 4.3: each escaped name is found, and touching the file remakes the target.
package enum MakefileText {
    private static let escaped: Set<UInt8> = Set(" #:*?[]".utf8)

    package static func escape(_ name: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(name.count + 4)
        for (index, byte) in name.enumerated() {
            switch byte {
            case 0..<0x20, 0x7F, UInt8(ascii: ";"):
                return nil
            case UInt8(ascii: "\\"):
                guard index + 1 < name.count, !escaped.contains(name[index + 1]), name[index + 1] != UInt8(ascii: "\\")
                else { return nil }
                out.append(byte)
            case UInt8(ascii: "$"):
                out += [byte, byte]
            case _ where escaped.contains(byte):
                out += [UInt8(ascii: "\\"), byte]
            default:
                out.append(byte)
            }
        }
        return out
    }
}
