/// Facts about fuzz input text that properties compare against.
package enum FuzzText {
    /// The number of the last line of `bytes`, counting `\n`, `\r` and `\r\n` as line ends (a generous bound).
    package static func lastLine(_ bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(1) { $1 == UInt8(ascii: "\n") || $1 == UInt8(ascii: "\r") ? $0 + 1 : $0 }
    }

    /// Whether a reported 1-based `line` (nil: none) lies outside a text whose last line is `lastLine`; YAML may
    /// point just past the end.
    package static func isOutside(_ line: Int?, lastLine: Int) -> Bool {
        line.map { $0 < 1 || $0 > lastLine + 1 } ?? false
    }
}
