/// Splits fuzz input into the parts a target needs.
package enum FuzzInput {
    /// The bytes before the first NUL, and the NUL-separated parts after it (empty parts dropped).
    ///
    /// Files in a build context cannot contain NUL in their names, so it separates a file's text from paths.
    package static func split(_ data: UnsafeRawBufferPointer) -> (head: [UInt8], parts: [[UInt8]]) {
        let bytes = Array(data)
        guard let nul = bytes.firstIndex(of: 0) else { return (bytes, []) }
        let parts = bytes[(nul + 1)...].split(separator: 0, omittingEmptySubsequences: true).map(Array.init)
        return (Array(bytes[..<nul]), parts)
    }

    /// `bytes` as a clean relative path, as a walk produces them: no empty, `.` or `..` components; `nil` if
    /// nothing is left.
    package static func cleanPath(_ bytes: [UInt8]) -> String? {
        let components = bytes.split(separator: UInt8(ascii: "/")).filter {
            !$0.elementsEqual([0x2E]) && !$0.elementsEqual([0x2E, 0x2E])
        }
        guard !components.isEmpty else { return nil }
        return components.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }
}
