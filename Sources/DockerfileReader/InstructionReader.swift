import UntrustedText

/// Turns Dockerfile text into instructions the way BuildKit's `parser.Parse` does.
///
/// Follows BuildKit line by line: a UTF-8 BOM is dropped; directives are read at the top; lines whose first
/// non-blank character is `#` are comments; an escape token at the end of a line (not itself escaped) continues the
/// instruction on the next line, skipping comment lines and blank lines in between; heredoc bodies follow the
/// instruction line and end at a line equal to the delimiter (after leading tabs are stripped for `<<-`).
struct InstructionReader {
    let path: String

    /// Keywords BuildKit knows; any other keyword is an error.
    static let keywords: Set<String> = [
        "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer",
        "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
    ]
    /// Keywords whose arguments may be a JSON array.
    static let execFormKeywords: Set<String> = ["add", "copy", "volume", "run", "cmd", "entrypoint", "shell"]
    /// Keywords that may open heredocs (when not in exec form).
    static let heredocKeywords: Set<String> = ["add", "copy", "run"]

    func read(_ text: String) throws(DockerfileError) -> (ParserDirectives, [Instruction]) {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // Split on scalars: "\r\n" is one Character and would hide the newline.
        var lines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        let lastLineHasNewline = lines.last == ""
        if lastLineHasNewline { lines.removeLast() }

        var directives = ParserDirectives()
        var directivesDone = false
        var instructions: [Instruction] = []
        var comments: [String] = []
        var next = 0
        while next < lines.count {
            let token = Self.trimmingLeadingSpace(Self.trimmingNewline(lines[next]))
            next += 1
            let startLine = next
            var isDirective = false
            if !directivesDone {
                isDirective = try readDirective(token, line: next, into: &directives)
                directivesDone = !isDirective
            }
            if token.hasPrefix("#") && !isDirective {
                let comment = Self.trimmingSpace(token.dropFirst())
                if comment.isEmpty { comments = [] } else { comments.append(String(comment)) }
            }
            let escape = directives.escapeToken
            var (line, ended) = Self.trimmingContinuation(token.hasPrefix("#") ? "" : token, escape: escape)
            if ended && line.isEmpty { continue }
            var hasEmptyContinuationLine = false
            while !ended && next < lines.count {
                let continuation = Self.trimmingNewline(lines[next])
                next += 1
                let trimmed = Self.trimmingLeadingSpace(continuation)
                if trimmed.hasPrefix("#") { continue }
                if trimmed.isEmpty {
                    hasEmptyContinuationLine = true
                    continue
                }
                let piece = Self.trimmingContinuation(continuation, escape: escape)
                line += piece.0
                ended = piece.ended
            }

            let (keyword, flags, arguments) = Self.splitCommand(line)
            guard Self.keywords.contains(keyword) else {
                throw DockerfileError(
                    .unknownInstruction,
                    "unknown instruction \(Excerpt.quote(keyword.uppercased()))",
                    fix: "check its spelling or the line continuation above it", path: path, line: startLine)
            }
            let execForm = try execForm(keyword: keyword, arguments: arguments, line: startLine)

            var heredocs: [Heredoc] = []
            if opensHeredocs(keyword: keyword, arguments: arguments, isExecForm: execForm != nil) {
                for var heredoc in Self.rawWords(line).compactMap(Heredoc.opened(by:)) {
                    var terminated = false
                    while next < lines.count {
                        let raw = lines[next]
                        next += 1
                        var candidate = Self.trimmingNewline(raw)
                        if heredoc.stripsLeadingTabs { candidate = candidate.drop { $0 == "\t" } }
                        if candidate == heredoc.name {
                            terminated = true
                            break
                        }
                        heredoc.content += raw
                        if next < lines.count || lastLineHasNewline { heredoc.content += "\n" }
                    }
                    guard terminated else {
                        throw DockerfileError(
                            .unterminatedHeredoc,
                            "heredoc \(Excerpt.quote(heredoc.name)) is never terminated",
                            fix: "end it with a line containing only \(Excerpt.quote(heredoc.name))", path: path,
                            line: startLine)
                    }
                    heredocs.append(heredoc)
                }
            }

            let detail = try InstructionDetail.parse(
                keyword: keyword, flags: flags, arguments: arguments, execForm: execForm, heredocs: heredocs,
                context: .init(path: path, line: startLine, escapeToken: escape))
            let writtenKeyword = Self.trimmingLeadingSpace(line[...]).prefix { !Self.isCommandGap($0) }
            instructions.append(
                Instruction(
                    keyword: keyword.uppercased(), flags: flags, arguments: String(arguments), execForm: execForm,
                    heredocs: heredocs, startLine: startLine, endLine: next, detail: detail,
                    writtenKeyword: String(writtenKeyword), comments: comments,
                    hasEmptyContinuationLine: hasEmptyContinuationLine))
            comments = []
        }
        guard !instructions.isEmpty else {
            throw DockerfileError(
                .noInstructions, "the Dockerfile has no instructions", fix: "add at least a FROM", path: path,
                line: nil)
        }
        return (directives, instructions)
    }

    /// Records a directive if `token` is one; returns false once the directive block is over.
    private func readDirective(
        _ token: Substring, line: Int, into directives: inout ParserDirectives
    ) throws(DockerfileError) -> Bool {
        guard let (name, value) = Self.directive(in: token) else { return false }
        let key = name.lowercased()
        guard ["syntax", "escape", "check"].contains(key) else { return false }
        guard directives.lines[key] == nil else {
            throw DockerfileError(
                .duplicateDirective,
                "only one \(Excerpt.quote(key)) parser directive can be used", fix: "remove the repeated one",
                path: path, line: line)
        }
        directives.lines[key] = line
        switch key {
        case "escape":
            guard value == "\\" || value == "`" else {
                throw DockerfileError(
                    .invalidEscapeToken, "invalid escape token \(Excerpt.quote(value))", fix: "use '\\' or '`'",
                    path: path, line: line)
            }
            directives.escapeToken = value.unicodeScalars.first!
        case "syntax": directives.syntax = String(value)
        default: directives.check = String(value)
        }
        return true
    }

    /// Matches BuildKit's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`.
    private static func directive(in token: Substring) -> (Substring, Substring)? {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\r" }
        guard token.hasPrefix("#") else { return nil }
        var rest = token.dropFirst().drop(while: isSpace)
        guard let first = rest.first, first.isASCII, first.isLetter else { return nil }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        rest = rest.dropFirst(name.count).drop(while: isSpace)
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: isSpace)
        while let last = rest.last, isSpace(last) { rest = rest.dropLast() }
        return rest.isEmpty ? nil : (name, rest)
    }

    func execForm(keyword: String, arguments: Substring, line: Int) throws(DockerfileError) -> [String]? {
        guard Self.execFormKeywords.contains(keyword), !arguments.isEmpty else { return nil }
        switch JSONStringArray.read(arguments) {
        case .strings(let strings):
            return strings
        case .nonString:
            throw DockerfileError(
                .badJSONArray,
                "\(keyword.uppercased()) uses a JSON array with an element that is not a string",
                fix: "quote every element", path: path, line: line)
        case .notJSON(let reason):
            // BuildKit silently reads a broken JSON array of COPY/ADD as a list of words, which is never what was
            // meant; RUN/CMD/... fall back to the shell form, where `[ -f x ]` is a valid test.
            if keyword == "copy" || keyword == "add", Self.looksLikeJSONArray(arguments) {
                throw DockerfileError(
                    .badJSONArray,
                    "\(keyword.uppercased()) arguments start with '[' but are not a JSON array of strings",
                    fix: "use double quotes and commas, as in [\"src\", \"dest\"]", path: path, line: line,
                    cause: reason)
            }
            return nil
        }
    }

    /// True for `[` followed by a quote: meant as an exec form, unlike a wildcard such as `[a-c]*.txt`.
    private static func looksLikeJSONArray(_ arguments: Substring) -> Bool {
        guard arguments.hasPrefix("[") else { return false }
        let first = arguments.dropFirst().first { !$0.isWhitespace }
        return first == "\"" || first == "'"
    }

    private func opensHeredocs(keyword: String, arguments: Substring, isExecForm: Bool) -> Bool {
        if Self.heredocKeywords.contains(keyword) { return !isExecForm }
        guard keyword == "onbuild" else { return false }
        let (inner, _, innerArguments) = Self.splitCommand(arguments)
        guard Self.heredocKeywords.contains(inner) else { return false }
        if case .strings = JSONStringArray.read(innerArguments) { return false }
        return true
    }

    // MARK: - Line helpers, after BuildKit's parser.go and split_command.go

    static func trimmingNewline(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == "\r" || last == "\n" || last == "\r\n" { line = line.dropLast() }
        return line
    }

    static func trimmingLeadingSpace(_ line: Substring) -> Substring {
        line.drop { $0.isWhitespace }
    }

    /// Removes a trailing escape token (and the blanks after it); `ended` is false when the line continues.
    static func trimmingContinuation(_ line: Substring, escape: Unicode.Scalar) -> (String, ended: Bool) {
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        guard scalars.last == escape else { return (String(line), true) }
        let before = scalars.dropLast()
        if let previous = before.last, previous == escape { return (String(line), true) }
        return (String(String.UnicodeScalarView(before)), false)
    }

    /// Splits a logical line into its lower-cased keyword, builder flags and remaining arguments.
    static func splitCommand(_ line: some StringProtocol) -> (String, [String], Substring) {
        let trimmed = Substring(line).drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        let text = Substring(String(trimmed))
        guard let gap = text.firstIndex(where: isCommandGap)
        else { return (text.lowercased(), [], "") }
        let keyword = text[..<gap].lowercased()
        let (flags, arguments) = extractFlags(text[gap...])
        return (keyword, flags, Substring(String(trimmingSpace(arguments))))
    }

    /// The blanks that end an instruction's keyword.
    static func isCommandGap(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\u{0B}" || character == "\u{0C}"
    }

    private static func trimmingSpace(_ text: Substring) -> Substring {
        var text = text.drop { $0.isWhitespace }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }

    /// Reads leading `--flag[=value]` words (quotes and `\` escapes removed); `--` alone ends the flags.
    private static func extractFlags(_ text: Substring) -> ([String], Substring) {
        var flags: [String] = []
        var index = text.startIndex
        while true {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard text[index...].hasPrefix("--") else { return (flags, text[index...]) }
            var word = ""
            var quote: Character?
            var blankOK = false
            while index < text.endIndex {
                let character = text[index]
                if quote == nil, character.isWhitespace { break }
                index = text.index(after: index)
                if let open = quote, character == open {
                    quote = nil
                } else if quote == nil, character == "'" || character == "\"" {
                    quote = character
                    blankOK = true
                } else if character == "\\" {
                    if index < text.endIndex {
                        word.append(text[index])
                        index = text.index(after: index)
                    }
                } else {
                    word.append(character)
                }
            }
            if word == "--" { return (flags, text[index...]) }
            if blankOK || !word.isEmpty { flags.append(word) }
            if index == text.endIndex { return (flags, text[index...]) }
        }
    }

    /// The line's words as the shell would split them, with quotes and escapes left in place.
    static func rawWords(_ line: String) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"", character == "\\", line.index(after: index) < line.endIndex {
                    index = line.index(after: index)
                }
            } else if character.isWhitespace {
                if let begun = start { words.append(line[begun..<index]) }
                start = nil
            } else {
                if start == nil { start = index }
                if character == "'" || character == "\"" {
                    quote = character
                } else if character == "\\", line.index(after: index) < line.endIndex {
                    index = line.index(after: index)
                }
            }
            index = line.index(after: index)
        }
        if let begun = start { words.append(line[begun...]) }
        return words
    }
}
