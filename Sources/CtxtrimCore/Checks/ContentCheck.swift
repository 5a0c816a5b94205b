/// A check that reads the bytes of small text files.
package protocol ContentCheck: Check {
    /// Whether the file at `path` with `size` bytes is worth reading at all.
    func shouldReadContent(path: String, size: Int64) -> Bool
    /// Findings for the content of the file at `path`.
    func check(path: String, content: [UInt8]) -> [Finding]
}
