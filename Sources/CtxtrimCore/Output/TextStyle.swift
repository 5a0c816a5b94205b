/// ANSI styling for text reports; every method is the identity when colour is off.
package struct TextStyle: Sendable {
    package let color: Bool

    package init(color: Bool) {
        self.color = color
    }

    package func bold(_ text: String) -> String { wrap(text, "1") }
    package func dim(_ text: String) -> String { wrap(text, "2") }
    package func red(_ text: String) -> String { wrap(text, "31") }
    package func yellow(_ text: String) -> String { wrap(text, "33") }
    package func green(_ text: String) -> String { wrap(text, "32") }
    package func cyan(_ text: String) -> String { wrap(text, "36") }
    package func blue(_ text: String) -> String { wrap(text, "34") }
    package func magenta(_ text: String) -> String { wrap(text, "35") }
    package func brightMagenta(_ text: String) -> String { wrap(text, "95") }
    package func gray(_ text: String) -> String { wrap(text, "90") }

    private func wrap(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Small helpers for aligned text columns.
package enum TextLayout {
    /// `1234567` → `1,234,567`.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    package static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }

    package static func padRight(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of at most `width` cells for `value` out of `maximum`, in eighth-cell steps; at least a sliver when > 0.
    package static func bar(_ value: Int64, of maximum: Int64, width: Int = 20) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let units = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// Plural-aware count: `1 file`, `2 files`.
    package static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(value)) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// Shortens a path to `width` characters by eliding its start: the end (a file name) says most.
    package static func elidedStart(_ path: String, _ width: Int) -> String {
        guard path.count > width, width > 1 else { return path }
        return "…" + String(path.suffix(width - 1))
    }

    /// Shortens a path to `width` characters by eliding its middle.
    package static func elided(_ path: String, _ width: Int) -> String {
        guard path.count > width, width > 3 else { return path }
        let keep = width - 1
        let head = keep / 3
        return String(path.prefix(head)) + "…" + String(path.suffix(keep - head))
    }
}
