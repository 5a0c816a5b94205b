import DockerfileReader

/// One instruction of the Dockerfile being rewritten, with its text exactly as written (continuations and heredoc
/// bodies included) and the comment lines just above it, so that what is kept is kept verbatim.
struct WrittenInstruction: Sendable {
    let instruction: Instruction
    /// Lines `startLine...endLine` of the file.
    let text: String
    /// Comment lines between the previous instruction and this one (blank lines dropped).
    let comments: [String]

    var keyword: String { instruction.keyword }
    var line: Int { instruction.startLine }

    /// The text with its comments above it.
    var block: String { (comments + [text]).joined(separator: "\n") }

    /// Every instruction of `dockerfile`, cut from `text`, and the lines before the first one (parser directives
    /// and header comments).
    static func split(_ text: String, dockerfile: Dockerfile) -> (header: [String], instructions: [WrittenInstruction])
    {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        func slice(_ from: Int, _ to: Int) -> [String] {
            guard from <= to, from >= 1, to <= lines.count else { return [] }
            return Array(lines[(from - 1)...(to - 1)])
        }
        var previousEnd = 0
        var header: [String] = []
        var written: [WrittenInstruction] = []
        for instruction in dockerfile.instructions {
            let between = slice(previousEnd + 1, instruction.startLine - 1)
            if previousEnd == 0 {
                // Directives and the file's header comments stay at the top; a comment right above the first
                // instruction (no blank line between) belongs to it.
                let attached = Array(between.reversed().prefix { Self.isComment($0) }.reversed())
                header = Array(between.dropLast(attached.count))
                while header.last?.trimmingBlanks.isEmpty == true { header.removeLast() }
                written.append(
                    WrittenInstruction(
                        instruction: instruction,
                        text: slice(instruction.startLine, instruction.endLine).joined(separator: "\n"),
                        comments: attached))
            } else {
                written.append(
                    WrittenInstruction(
                        instruction: instruction,
                        text: slice(instruction.startLine, instruction.endLine).joined(separator: "\n"),
                        comments: between.filter(Self.isComment)))
            }
            previousEnd = instruction.endLine
        }
        return (header, written)
    }

    private static func isComment(_ line: String) -> Bool { line.trimmingBlanks.hasPrefix("#") }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
