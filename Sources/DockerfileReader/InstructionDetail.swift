import UntrustedText

/// What the reader understood of an instruction's arguments, for the instructions that matter to the build context.
package indirect enum InstructionDetail: Equatable, Sendable {
    case from(FromInstruction)
    case arg([VariableDefinition])
    case env([VariableDefinition])
    case copy(CopyInstruction)
    case run(RunInstruction)
    /// `ONBUILD <trigger>`: the trigger's keyword (upper case) and arguments, and what reading it gave. BuildKit
    /// reads a trigger only when a stage is built `FROM` this one, so a broken trigger is an error only then.
    case onbuild(keyword: String, arguments: String, Result<InstructionDetail, DockerfileError>)
    /// Any other instruction; its flags were checked, its arguments are kept as text only.
    case other

    /// Where an instruction sits, for error messages, and the escape token in force.
    struct Context {
        let path: String
        let line: Int
        let escapeToken: Unicode.Scalar

        func error(_ code: DockerfileError.Code, _ message: String, fix: String? = nil, cause: String? = nil)
            -> DockerfileError
        {
            DockerfileError(code, message, fix: fix, path: path, line: line, cause: cause)
        }
    }

    private static let acceptedFlags: [String: [String: BuilderFlags.Kind]] = [
        "from": ["platform": .string],
        "copy": [
            "from": .string, "chown": .string, "chmod": .string, "link": .bool, "parents": .bool, "exclude": .list,
        ],
        "add": [
            "chown": .string, "chmod": .string, "link": .bool, "parents": .bool, "exclude": .list,
            "keep-git-dir": .bool, "checksum": .string, "unpack": .bool,
        ],
        "run": ["mount": .list, "network": .string, "security": .string, "device": .list],
        "healthcheck": [
            "interval": .string, "timeout": .string, "start-period": .string, "start-interval": .string,
            "retries": .string,
        ],
    ]

    /// Keywords that may be written without arguments.
    private static let argumentsOptional: Set<String> = ["cmd", "entrypoint"]

    static func parse(
        keyword: String, flags: [String], arguments: Substring, execForm: [String]?, heredocs: [Heredoc],
        context: Context
    ) throws(DockerfileError) -> InstructionDetail {
        let name = keyword.uppercased()
        let parsedFlags = try BuilderFlags(
            flags, accepted: acceptedFlags[keyword] ?? [:], keyword: name, path: context.path, line: context.line)
        if arguments.isEmpty && heredocs.isEmpty && !argumentsOptional.contains(keyword) {
            throw context.error(.missingArguments, "\(name) requires arguments")
        }
        switch keyword {
        case "from":
            return .from(try parseFrom(arguments, platform: parsedFlags.string("platform"), context: context))
        case "arg":
            return .arg(try parseArg(arguments, context: context))
        case "env":
            return .env(try parseEnv(arguments, context: context))
        case "copy", "add":
            return .copy(
                try parseCopy(
                    isAdd: keyword == "add", words: execForm ?? whitespaceWords(arguments), flags: parsedFlags,
                    context: context))
        case "run":
            return .run(try parseRun(arguments, execForm: execForm, flags: parsedFlags, context: context))
        case "onbuild":
            return try parseOnBuild(arguments, heredocs: heredocs, context: context)
        default:
            return .other
        }
    }

    /// `parseOnBuild`: `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are refused at once; the trigger
    /// itself is read as its own instruction, its error kept for when a stage triggers it.
    private static func parseOnBuild(
        _ arguments: Substring, heredocs: [Heredoc], context: Context
    ) throws(DockerfileError) -> InstructionDetail {
        let (keyword, flags, innerArguments) = InstructionReader.splitCommand(arguments)
        let name = keyword.uppercased()
        switch keyword {
        case "onbuild":
            throw context.error(
                .invalidOnBuild, "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", fix: "remove one ONBUILD")
        case "from", "maintainer":
            throw context.error(.invalidOnBuild, "\(name) isn't allowed as an ONBUILD trigger")
        default:
            break
        }
        let inner: Result<InstructionDetail, DockerfileError>
        do throws(DockerfileError) {
            guard InstructionReader.keywords.contains(keyword) else {
                throw context.error(.unknownInstruction, "unknown ONBUILD trigger \(Excerpt.quote(name))")
            }
            let reader = InstructionReader(path: context.path)
            let execForm = try reader.execForm(keyword: keyword, arguments: innerArguments, line: context.line)
            inner = .success(
                try parse(
                    keyword: keyword, flags: flags, arguments: innerArguments, execForm: execForm,
                    heredocs: execForm == nil ? heredocs : [], context: context))
        } catch {
            inner = .failure(error)
        }
        return .onbuild(keyword: name, arguments: String(innerArguments), inner)
    }

    /// Splits on runs of blanks, as BuildKit's `parseStringsWhitespaceDelimited` does (quotes are not special).
    static func whitespaceWords(_ text: Substring) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{0B}" || $0 == "\u{0C}" || $0 == "\r" })
            .map(String.init)
    }

    private static func parseFrom(
        _ arguments: Substring, platform: String?, context: Context
    ) throws(DockerfileError) -> FromInstruction {
        let words = whitespaceWords(arguments)
        switch words.count {
        case 1:
            return FromInstruction(image: words[0], stageName: nil, platform: platform)
        case 3 where words[1].lowercased() == "as":
            let stageName = words[2].lowercased()
            guard isValidStageName(stageName) else {
                throw context.error(
                    .invalidStageName,
                    "invalid stage name \(Excerpt.quote(words[2]))",
                    fix: "start with a letter and use only letters, digits, '-', '_' and '.'")
            }
            return FromInstruction(
                image: words[0], stageName: stageName, platform: platform, writtenAs: words[1],
                writtenStageName: words[2])
        default:
            throw context.error(.missingArguments, "FROM requires either one or three arguments: image [AS name]")
        }
    }

    /// BuildKit's `^[a-z][a-z0-9-_\.]*$`.
    private static func isValidStageName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    private static func parseArg(_ arguments: Substring, context: Context) throws(DockerfileError)
        -> [VariableDefinition]
    {
        try quotedWords(arguments, escape: context.escapeToken).map { word throws(DockerfileError) in
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard !parts[0].isEmpty else { throw context.error(.missingArguments, "ARG names can not be blank") }
            return VariableDefinition(name: String(parts[0]), value: parts.count == 2 ? String(parts[1]) : nil)
        }
    }

    private static func parseEnv(_ arguments: Substring, context: Context) throws(DockerfileError)
        -> [VariableDefinition]
    {
        let words = quotedWords(arguments, escape: context.escapeToken)
        guard let first = words.first else { throw context.error(.missingArguments, "ENV requires arguments") }
        if !first.contains("=") {
            // The legacy form `ENV NAME value with spaces`.
            let trimmed = arguments.drop { $0.isWhitespace }
            guard let gap = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw context.error(.missingArguments, "ENV must have two arguments: ENV NAME=value")
            }
            let value = trimmed[gap...].drop { $0 == " " || $0 == "\t" }
            return [VariableDefinition(name: String(trimmed[..<gap]), value: String(value))]
        }
        return try words.map { word throws(DockerfileError) in
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw context.error(
                    .missingArguments, "can't find = in \(Excerpt.quote(word))", fix: "write ENV name=value")
            }
            guard !parts[0].isEmpty else { throw context.error(.missingArguments, "ENV names can not be blank") }
            return VariableDefinition(name: String(parts[0]), value: String(parts[1]))
        }
    }

    private static func parseCopy(
        isAdd: Bool, words: [String], flags: BuilderFlags, context: Context
    ) throws(DockerfileError) -> CopyInstruction {
        let name = isAdd ? "ADD" : "COPY"
        guard words.count >= 2, let destination = words.last else {
            throw context.error(
                .missingArguments, "\(name) requires at least two arguments: one or more sources and a destination")
        }
        if Heredoc.opened(by: destination[...]) != nil {
            throw context.error(.heredocDestination, "\(name) cannot use a heredoc as its destination")
        }
        var sources: [String] = []
        var heredocSources: [String] = []
        for word in words.dropLast() {
            if let heredoc = Heredoc.opened(by: word[...]) {
                heredocSources.append(heredoc.name)
            } else {
                sources.append(word)
            }
        }
        return CopyInstruction(
            isAdd: isAdd, sources: sources, heredocSources: heredocSources, destination: destination,
            from: flags.string("from").flatMap { $0.isEmpty ? nil : $0 }, excludes: flags.list("exclude"),
            chown: flags.string("chown"), chmod: flags.string("chmod"), link: flags.bool("link") ?? false,
            parents: flags.bool("parents") ?? false, keepGitDir: flags.bool("keep-git-dir"),
            checksum: flags.string("checksum"), unpack: flags.bool("unpack"))
    }

    private static func parseRun(
        _ arguments: Substring, execForm: [String]?, flags: BuilderFlags, context: Context
    ) throws(DockerfileError) -> RunInstruction {
        var mounts: [RunMount] = []
        for text in flags.list("mount") {
            switch RunMount.parse(text) {
            case .success(let mount): mounts.append(mount)
            case .failure(let problem):
                throw context.error(.invalidMount, "invalid --mount=\(text): \(problem.message)")
            }
        }
        return RunInstruction(
            command: execForm?.joined(separator: " ") ?? String(arguments), execForm: execForm, mounts: mounts,
            network: flags.string("network"), security: flags.string("security"))
    }

    /// Splits on blanks outside quotes, keeping quotes and escapes as written (BuildKit's `parseWords`).
    static func quotedWords(_ text: Substring, escape: Unicode.Scalar) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var blankOK = false
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if scalar == escape && open != "'" {
                    word.append(scalar)
                    guard let escaped = scalars.next() else {
                        quote = nil
                        continue
                    }
                    word.append(escaped)
                    continue
                }
                word.append(scalar)
                continue
            }
            if scalar.properties.isWhitespace {
                if blankOK || !word.isEmpty { words.append(String(word)) }
                word = String.UnicodeScalarView()
                blankOK = false
                continue
            }
            if scalar == "'" || scalar == "\"" {
                quote = scalar
                blankOK = true
            } else if scalar == escape {
                guard let escaped = scalars.next() else { continue }
                word.append(scalar)
                word.append(escaped)
                continue
            }
            word.append(scalar)
        }
        if blankOK || !word.isEmpty { words.append(String(word)) }
        return words
    }
}
