import UntrustedText

/// A unified diff between two texts, as `diff -u` prints it, for `ctxtrim fix --dry-run`; control characters in the
/// lines are escaped (``TerminalText``).
package enum UnifiedDiff {
    /// The diff of `old` to `new` with `context` lines around each change, or an empty string when they are equal.
    /// `oldName` is `/dev/null` for a file that does not exist yet.
    package static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        guard a != b else { return "" }
        let script = editScript(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < script.count {
            // Find the next change.
            guard let start = script[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = start
            // Extend the hunk while changes are within 2 * context of each other.
            var cursor = start
            while cursor < script.count {
                if script[cursor].kind != .same {
                    end = cursor
                    cursor += 1
                    continue
                }
                let nextChange = script[cursor...].firstIndex(where: { $0.kind != .same })
                if let nextChange, nextChange - end - 1 <= 2 * context {
                    cursor = nextChange
                } else {
                    break
                }
            }
            let hunkStart = max(0, start - context)
            let hunkEnd = min(script.count - 1, end + context)
            let slice = script[hunkStart...hunkEnd]
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            // Lines consumed before the hunk; a range that is empty names the line after which it applies.
            let oldStart = script[hunkStart].oldLine + (oldCount == 0 ? 0 : 1)
            let newStart = script[hunkStart].newLine + (newCount == 0 ? 0 : 1)
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in slice {
                // A line of the user's file may hold anything: shown escaped, its own line break kept.
                let ending = step.text.hasSuffix("\n") ? "\n" : ""
                let text = TerminalText.escape(String(step.text.dropLast(ending.isEmpty ? 0 : 1))) + ending
                switch step.kind {
                case .same: out += " " + text
                case .delete: out += "-" + text
                case .insert: out += "+" + text
                }
                if step.text.hasSuffix("\n") == false { out += "\n\\ No newline at end of file\n" }
            }
            index = hunkEnd + 1
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Lines with their terminators, so a missing final newline shows.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    struct Step {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// Old lines consumed before this step (its 0-based index for `same`/`delete`).
        var oldLine: Int
        /// New lines produced before this step (its 0-based index for `same`/`insert`).
        var newLine: Int
    }

    /// A shortest edit script by dynamic programming on the longest common subsequence; ignore files are small.
    static func editScript(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count
        let m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                steps.append(Step(kind: .same, text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                // Deletions first, as diff -u shows a replacement.
                steps.append(Step(kind: .delete, text: a[i], oldLine: i, newLine: j))
                i += 1
            } else {
                steps.append(Step(kind: .insert, text: b[j], oldLine: i, newLine: j))
                j += 1
            }
        }
        return steps
    }
}
